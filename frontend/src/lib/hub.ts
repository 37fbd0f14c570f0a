// The one hub connection module (SPEC §4). It owns the SignalR connection of the room page: connects
// with a fresh single-use ticket each time (the participant token stays in headers, out of URLs, which
// proxies log), reconnects with backoff for as long as the page is open, waits as long as the server asks
// when it is busy, and tells its owner when a (re)connection is ready so it can call join_room() again.
//
// WebSockets only, with SignalR's negotiation skipped: several API instances run behind nginx without
// sticky sessions, and a negotiated connection id would only be known to the instance that made it.
import {
  HttpError,
  HttpTransportType,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type RetryContext,
} from '@microsoft/signalr';

import { ApiError, toErrorCode, type ErrorCode } from '@/lib/api-client';
import type {
  HubAnswer,
  HubArgs,
  HubEventHandlers,
  HubEventName,
  HubEvents,
  HubMethodName,
} from '@/lib/hub-contract';
import { busyWaitMs, maxBusyWaitSeconds } from '@/lib/retry';
import type { ErrorEvent, HubError } from '@/types/api';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const hubPath = '/hubs/room';

const delaysMs = [0, 500, 1000, 2000, 3000, 5000];
const maxDelayMs = 10_000;

/** Backoff before the given retry (0-based), with ±20% jitter so a room's browsers don't return in lockstep. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = delaysMs[attempt] ?? maxDelayMs;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** After this many failed attempts in a row, ask over REST whether the token still opens the room. */
const probeAfterFailures = 2;

/** Error events kept for failures yet to come; more than this unclaimed means none will claim them. */
const maxReported = 8;

/**
 * Turns a rejected invocation or a closed connection into an ApiError with the contract's code. The code
 * and the wait come from the `error` event the server sent the refused caller just before (`reported`),
 * never from the failure's text. Without one, the failure is the connection's (NETWORK_ERROR), or, when
 * the connection is still up, the server's own (INTERNAL_ERROR).
 */
export function toHubError(error: unknown, reported?: HubError, connected = false): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpError && error.statusCode === 401) {
    return new ApiError('UNAUTHORIZED', error.message, 401);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (reported) {
    const wait = reported.retry_after ?? undefined;
    return new ApiError(toErrorCode(reported.code), reported.message || message, 0, {}, wait);
  }
  return new ApiError(connected ? 'INTERNAL_ERROR' : 'NETWORK_ERROR', message, 0);
}

/** Codes that mean this token will never open the room again: stop retrying. */
const refusalCodes: ErrorCode[] = ['UNAUTHORIZED', 'FORBIDDEN', 'ROOM_NOT_FOUND', 'PARTICIPANT_NOT_FOUND'];

/** A handler per event; `error` is optional: a refusal also fails its invocation, where callers see it. */
type EventHandlers = Omit<HubEventHandlers, 'error'> & Partial<Pick<HubEventHandlers, 'error'>>;

export interface RoomHubCallbacks {
  events: EventHandlers;
  onStatus: (status: ConnectionStatus) => void;
  /** A connection is ready (first time or after any reconnect): call join_room() now. */
  onReady: () => Promise<void>;
  /** The server will not let this token in any more (removed, room deleted). */
  onRefused: (error: ApiError) => void;
  /**
   * Rejects with an ApiError if the token no longer opens the room. Without negotiation a refused
   * WebSocket upgrade (401) looks like any network failure, so after a few failed attempts the hub
   * asks this REST check rather than retrying a dead token for ever.
   */
  checkAccess?: () => Promise<unknown>;
  /**
   * A fresh single-use ticket for each connection attempt, asked for over REST with the token in a
   * header, so the token itself never appears in a WebSocket URL. A refusal (UNAUTHORIZED, FORBIDDEN,
   * ROOM_NOT_FOUND) ends the retries; anything else is retried. Without it the token opens the hub.
   */
  hubTicket?: () => Promise<string>;
  /** The server asked us to wait (rate limit, load shedding): the next try is at `retryAt` (local ms); undefined once in. */
  onBusy?: (retryAt: number | undefined) => void;
}

export class RoomHub {
  private readonly connection: HubConnection;
  private stopped = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  private restartAttempt = 0;
  private probing = false;
  /**
   * `error` events not yet matched with the failure they explain, oldest first. The server sends each
   * just before its failure on the same connection, so they arrive in the order of the failures.
   */
  private reported: HubError[] = [];

  constructor(
    private readonly token: string,
    private readonly callbacks: RoomHubCallbacks,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl(hubPath, {
        // Called before every connection attempt, reconnects included: each gets a ticket of its own.
        accessTokenFactory: () => (callbacks.hubTicket ? callbacks.hubTicket() : this.token),
        skipNegotiation: true,
        transport: HttpTransportType.WebSockets,
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => this.nextReconnectDelay(context) })
      .configureLogging(LogLevel.Warning)
      .build();
    // First, so a refusal's event is recorded before anything else handles it (or its failure).
    this.on('error', (event) => this.report(event, callbacks.events.error));
    for (const name of Object.keys(callbacks.events) as HubEventName[]) {
      if (name !== 'error') this.listen(name, callbacks.events[name]);
    }
    this.connection.onreconnecting(() => callbacks.onStatus('reconnecting'));
    this.connection.onreconnected(() => {
      this.reported = [];
      void this.ready();
    });
    this.connection.onclose((error) => this.closed(error));
  }

  start(): void {
    this.callbacks.onStatus('connecting');
    void this.tryStart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.rejoinTimer);
    await this.connection.stop();
  }

  /** Retry now rather than at the end of the current backoff (the browser came back online). */
  retryNow(): void {
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    clearTimeout(this.restartTimer);
    void this.tryStart();
  }

  get status(): HubConnectionState {
    return this.connection.state;
  }

  /** Listens to one of the hub's events, with its payload as the contract names it. */
  on<E extends HubEventName>(event: E, handler: (payload: HubEvents[E]) => void): void {
    this.connection.on(event, handler as (...args: unknown[]) => void);
  }

  /** Calls a hub method; a refusal rejects with an ApiError carrying the code of its `error` event. */
  async invoke<M extends HubMethodName>(method: M, ...args: HubArgs<M>): Promise<HubAnswer<M>> {
    try {
      return await this.connection.invoke<HubAnswer<M>>(method, ...args);
    } catch (error) {
      throw this.failureOf(error);
    }
  }

  /** Registers the owner's handler of an event by name (the table keyed by name says the types match). */
  private listen(name: HubEventName, handler: (payload: never) => void): void {
    this.connection.on(name, handler as (...args: unknown[]) => void);
  }

  private report(event: ErrorEvent, forward: HubEventHandlers['error'] | undefined): void {
    this.reported = [...this.reported, event.data].slice(-maxReported);
    forward?.(event);
  }

  /** A failure with the refusal the server reported for it, if it did. */
  private failureOf(error: unknown): ApiError {
    return toHubError(error, this.reported.shift(), this.connection.state === HubConnectionState.Connected);
  }

  private async tryStart(): Promise<void> {
    this.reported = [];
    try {
      await this.connection.start();
      this.restartAttempt = 0;
      await this.ready();
    } catch (error) {
      this.failed(this.failureOf(error));
    }
  }

  private async ready(): Promise<void> {
    clearTimeout(this.rejoinTimer);
    try {
      await this.callbacks.onReady();
      this.callbacks.onBusy?.(undefined);
      this.callbacks.onStatus('connected');
    } catch (error) {
      const refused = toHubError(error);
      if (refusalCodes.includes(refused.code)) this.refuse(refused);
      else if (refused.isBusy) this.rejoinLater(refused);
      // Otherwise the connection dropped while joining; the reconnect loop will call us again.
    }
  }

  /** join_room() was refused for now (too many calls): the connection is fine, so ask again after the wait. */
  private rejoinLater(error: ApiError): void {
    if (this.stopped || this.connection.state !== HubConnectionState.Connected) return;
    const wait = busyWaitMs(error) ?? maxBusyWaitSeconds * 1000;
    this.callbacks.onBusy?.(Date.now() + wait);
    this.rejoinTimer = setTimeout(() => void this.ready(), wait);
  }

  /** The automatic reconnect's pause before its next attempt; null ends it (the token is refused). */
  private nextReconnectDelay({ previousRetryCount, retryReason }: RetryContext): number | null {
    const error = this.failureOf(retryReason);
    // A refused ticket: this token will not open the room again.
    if (refusalCodes.includes(error.code)) {
      this.refuse(error);
      return null;
    }
    if (previousRetryCount >= probeAfterFailures) void this.probeAccess();
    return this.delayAfter(error, previousRetryCount);
  }

  /** The backoff before the given retry, or the server's wait when it is busy and asks for longer. */
  private delayAfter(error: ApiError, attempt: number): number {
    const backoff = reconnectDelay(attempt);
    if (!error.isBusy) return backoff;
    const delay = Math.max(backoff, busyWaitMs(error) ?? maxBusyWaitSeconds * 1000);
    this.callbacks.onBusy?.(Date.now() + delay);
    return delay;
  }

  private closed(error: Error | undefined): void {
    if (this.stopped) return;
    this.failed(this.failureOf(error ?? new Error('The connection closed.')));
  }

  private failed(error: ApiError): void {
    if (this.stopped) return;
    if (refusalCodes.includes(error.code)) {
      this.refuse(error);
      return;
    }
    // Too many tabs, or a server shedding load, is a pause, not an outage.
    this.callbacks.onStatus(error.isBusy ? 'reconnecting' : 'offline');
    if (this.restartAttempt >= probeAfterFailures - 1) void this.probeAccess();
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.tryStart(), this.delayAfter(error, this.restartAttempt++));
  }

  private async probeAccess(): Promise<void> {
    if (this.probing || this.stopped || !this.callbacks.checkAccess) return;
    this.probing = true;
    try {
      await this.callbacks.checkAccess();
    } catch (error) {
      const refused = toHubError(error);
      // A network error or a 5xx says nothing about the token: keep retrying.
      if (!this.stopped && refusalCodes.includes(refused.code)) this.refuse(refused);
    } finally {
      this.probing = false;
    }
  }

  private refuse(error: ApiError): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.rejoinTimer);
    this.connection.stop().catch(() => undefined);
    this.callbacks.onRefused(error);
  }
}

let active: RoomHub | undefined;

/** Opens the room page's connection, replacing any previous one. */
export function connectRoomHub(token: string, callbacks: RoomHubCallbacks): RoomHub {
  void active?.stop();
  active = new RoomHub(token, callbacks);
  active.start();
  return active;
}

export async function disconnectRoomHub(): Promise<void> {
  const hub = active;
  active = undefined;
  await hub?.stop();
}

/** Calls a hub method on the room page's connection; rejects with an ApiError carrying the code. */
export function invokeRoomHub<M extends HubMethodName>(
  method: M,
  ...args: HubArgs<M>
): Promise<HubAnswer<M>> {
  if (!active) return Promise.reject(new ApiError('NETWORK_ERROR', 'Not connected to the room.', 0));
  return active.invoke(method, ...args);
}
