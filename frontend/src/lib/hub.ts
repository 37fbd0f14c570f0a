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

import { ApiError, errorCodes, type ErrorCode } from '@/lib/api-client';
import { busyWaitMs, maxBusyWaitSeconds } from '@/lib/retry';
import type { HubError, RoomEvent, RoomEvents } from '@/types/api';

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

const codePattern = new RegExp(`\\b(${errorCodes.join('|')})\\b:?\\s*(.*)$`, 's');
/** A hub refusal for now says how long: "Too many timer commands: wait 3 s and try again." */
const waitPattern = /\bwait (\d+) s\b/;

/**
 * Turns a rejected invocation or a closed connection into an ApiError with the contract's code (and,
 * for a refusal for now, the wait the message names).
 */
export function toHubError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpError && error.statusCode === 401) {
    return new ApiError('UNAUTHORIZED', error.message, 401);
  }
  const message = error instanceof Error ? error.message : String(error);
  const match = codePattern.exec(message);
  if (!match?.[1]) return new ApiError('NETWORK_ERROR', message, 0);
  const text = match[2] ?? message;
  const wait = waitPattern.exec(text)?.[1];
  return new ApiError(match[1] as ErrorCode, text, 0, {}, wait === undefined ? undefined : Number(wait));
}

/** Codes that mean this token will never open the room again: stop retrying. */
const refusalCodes: ErrorCode[] = ['UNAUTHORIZED', 'FORBIDDEN', 'ROOM_NOT_FOUND', 'PARTICIPANT_NOT_FOUND'];

type EventHandlers = { [K in keyof RoomEvents]: (event: RoomEvent<RoomEvents[K]>) => void };

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
  /** The last `error` event: a refused invocation's wait, when its message does not name one. */
  private reported: HubError | undefined;

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
    for (const name of Object.keys(callbacks.events) as (keyof RoomEvents)[]) {
      this.connection.on(name, callbacks.events[name]);
    }
    this.connection.on('error', ({ data }: RoomEvent<HubError>) => {
      this.reported = data;
    });
    this.connection.onreconnecting(() => callbacks.onStatus('reconnecting'));
    this.connection.onreconnected(() => void this.ready());
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

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    try {
      return await this.connection.invoke<T>(method, ...args);
    } catch (error) {
      throw this.withReportedWait(toHubError(error));
    }
  }

  /** The caller also got an `error` event; its retry_after fills in a wait the message left out. */
  private withReportedWait(error: ApiError): ApiError {
    const reported = this.reported;
    this.reported = undefined;
    if (error.retryAfterSeconds !== undefined || reported?.code !== error.code) return error;
    if (reported.retry_after === undefined) return error;
    return new ApiError(error.code, error.message, error.status, error.fieldErrors, reported.retry_after);
  }

  private async tryStart(): Promise<void> {
    try {
      await this.connection.start();
      this.restartAttempt = 0;
      await this.ready();
    } catch (error) {
      this.failed(toHubError(error));
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
    const error = toHubError(retryReason);
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
    this.failed(toHubError(error ?? new Error('The connection closed.')));
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
export function invokeRoomHub<T>(method: string, ...args: unknown[]): Promise<T> {
  if (!active) return Promise.reject(new ApiError('NETWORK_ERROR', 'Not connected to the room.', 0));
  return active.invoke<T>(method, ...args);
}
