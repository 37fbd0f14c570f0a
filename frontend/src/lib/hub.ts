// The one hub connection module (SPEC §4). It owns the SignalR connection of the room page: connects
// with the participant token, reconnects with backoff for as long as the page is open, and tells its
// owner when a (re)connection is ready so it can call join_room() again.
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
} from '@microsoft/signalr';

import { ApiError, errorCodes, type ErrorCode } from '@/lib/api-client';
import type { RoomEvent, RoomEvents } from '@/types/api';

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

/** Turns a rejected invocation or a closed connection into an ApiError with the contract's code. */
export function toHubError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HttpError && error.statusCode === 401) {
    return new ApiError('UNAUTHORIZED', error.message, 401);
  }
  const message = error instanceof Error ? error.message : String(error);
  const match = codePattern.exec(message);
  if (match?.[1]) return new ApiError(match[1] as ErrorCode, match[2] ?? message, 0);
  return new ApiError('NETWORK_ERROR', message, 0);
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
}

export class RoomHub {
  private readonly connection: HubConnection;
  private stopped = false;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private restartAttempt = 0;
  private probing = false;

  constructor(
    token: string,
    private readonly callbacks: RoomHubCallbacks,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl(hubPath, {
        accessTokenFactory: () => token,
        skipNegotiation: true,
        transport: HttpTransportType.WebSockets,
      })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount }) => {
          if (previousRetryCount >= probeAfterFailures) void this.probeAccess();
          return reconnectDelay(previousRetryCount);
        },
      })
      .configureLogging(LogLevel.Warning)
      .build();
    for (const name of Object.keys(callbacks.events) as (keyof RoomEvents)[]) {
      this.connection.on(name, callbacks.events[name]);
    }
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
      throw toHubError(error);
    }
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
    try {
      await this.callbacks.onReady();
      this.callbacks.onStatus('connected');
    } catch (error) {
      const refused = toHubError(error);
      if (refusalCodes.includes(refused.code)) this.refuse(refused);
      // Otherwise the connection dropped while joining; the reconnect loop will call us again.
    }
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
    this.callbacks.onStatus('offline');
    if (this.restartAttempt >= probeAfterFailures - 1) void this.probeAccess();
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.tryStart(), reconnectDelay(this.restartAttempt++));
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
    this.stopped = true;
    clearTimeout(this.restartTimer);
    void this.connection.stop();
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
