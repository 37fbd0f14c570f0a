// The hub's side of tickets and of a busy server: a fresh ticket per connection attempt, a refused
// ticket ending the visit, and the server's "wait N s" honoured before the next attempt.
import type { IHttpConnectionOptions, IRetryPolicy } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from './api-client';
import { RoomHub, toHubError, type RoomHubCallbacks } from './hub';

type Handler = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  options: undefined as IHttpConnectionOptions | undefined,
  policy: undefined as IRetryPolicy | undefined,
  handlers: new Map<string, Handler>(),
  onclose: undefined as ((error?: Error) => void) | undefined,
  connection: {
    on: (name: string, handler: Handler) => fake.handlers.set(name, handler),
    onreconnecting: () => undefined,
    onreconnected: () => undefined,
    onclose: (handler: (error?: Error) => void) => {
      fake.onclose = handler;
    },
    start: undefined as unknown as () => Promise<void>,
    stop: () => Promise.resolve(),
    invoke: undefined as unknown as (method: string) => Promise<unknown>,
    state: 'Disconnected',
  },
}));

vi.mock('@microsoft/signalr', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>();
  class FakeBuilder {
    withUrl(_url: string, options: IHttpConnectionOptions) {
      fake.options = options;
      return this;
    }
    withAutomaticReconnect(policy: IRetryPolicy) {
      fake.policy = policy;
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return fake.connection;
    }
  }
  return { ...actual, HubConnectionBuilder: FakeBuilder };
});

function callbacks(overrides: Partial<RoomHubCallbacks> = {}): RoomHubCallbacks {
  return {
    events: {} as RoomHubCallbacks['events'],
    onStatus: vi.fn(),
    onReady: vi.fn(() => Promise.resolve()),
    onRefused: vi.fn(),
    onBusy: vi.fn(),
    ...overrides,
  };
}

const nextDelay = (retryReason: Error, previousRetryCount = 0) =>
  fake.policy?.nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds: 0, retryReason });

/** The server's `error` event to the caller it refuses, sent before the refusal itself. */
const reportError = (data: { code: string; message: string; retry_after?: number }) =>
  fake.handlers.get('error')?.({ room_id: 'r', data, server_time: '' });

/** What SignalR reports when the server closes a connection it would not take. */
const closedWith = (text: string) =>
  new Error(`Server returned an error on close: Connection closed with an error. HubException: ${text}`);

describe('RoomHub with hub tickets', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.handlers.clear();
    fake.connection.state = 'Disconnected';
  });
  afterEach(() => vi.useRealTimers());

  it('opens every connection with a fresh ticket, never the token', async () => {
    let issued = 0;
    const hubTicket = vi.fn(() => Promise.resolve(`ticket-${++issued}`));
    new RoomHub('the-token', callbacks({ hubTicket }));
    const factory = () => fake.options?.accessTokenFactory?.();
    await expect(factory()).resolves.toBe('ticket-1');
    await expect(factory()).resolves.toBe('ticket-2');
    expect(hubTicket).toHaveBeenCalledTimes(2);
  });

  it('a ticket refused with 401 ends the retries as a refusal, at once', async () => {
    const refusal = new ApiError('UNAUTHORIZED', 'The participant token is not valid.', 401);
    const hubTicket = vi.fn(() => Promise.reject(refusal));
    // SignalR calls the factory while starting; its rejection fails the start.
    const start = vi.fn(async () => {
      await fake.options?.accessTokenFactory?.();
    });
    fake.connection.start = start;
    const given = callbacks({ hubTicket });
    new RoomHub('tok', given).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(given.onRefused).toHaveBeenCalledWith(refusal);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a room gone or a token of another room is a refusal too; a server error is not', async () => {
    for (const [error, refused] of [
      [new ApiError('ROOM_NOT_FOUND', 'gone', 404), true],
      [new ApiError('FORBIDDEN', 'other room', 403), true],
      [new ApiError('INTERNAL_ERROR', 'oops', 500), false],
      [new ApiError('NETWORK_ERROR', 'down', 0), false],
    ] as const) {
      const given = callbacks({ hubTicket: () => Promise.reject(error) });
      fake.connection.start = async () => {
        await fake.options?.accessTokenFactory?.();
      };
      new RoomHub('tok', given).start();
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.mocked(given.onRefused).mock.calls.length > 0, error.code).toBe(refused);
    }
  });

  it('during an automatic reconnect a refused ticket stops the reconnecting', () => {
    const given = callbacks({ hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given);
    expect(nextDelay(new ApiError('UNAUTHORIZED', 'invalid', 401), 1)).toBeNull();
    expect(given.onRefused).toHaveBeenCalled();
  });

  it('keeps reconnecting with backoff when the ticket cannot be had (network, 5xx)', () => {
    const given = callbacks({ hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given);
    const delay = nextDelay(new ApiError('NETWORK_ERROR', 'down', 0), 3);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(2400);
    expect(given.onRefused).not.toHaveBeenCalled();
  });

  it('waits as long as a rate-limited ticket request asks before reconnecting', () => {
    const given = callbacks({ hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given);
    expect(nextDelay(new ApiError('RATE_LIMITED', 'Too many.', 429, {}, 8), 0)).toBe(8000);
    expect(given.onBusy).toHaveBeenCalledWith(Date.now() + 8000);
    // A wait longer than the cap is cut to it: the connection keeps trying.
    expect(nextDelay(new ApiError('SERVICE_BUSY', 'Busy.', 503, {}, 120), 0)).toBe(30_000);
  });

  it('too many tabs is a pause, not a refusal: the next try comes after the server’s wait', async () => {
    const start = vi.fn(() => {
      // The server tells the refused connection why before it closes it.
      reportError({
        code: 'RATE_LIMITED',
        message: 'Too many connections (at most 10 per participant): wait 5 s and try again.',
        retry_after: 5,
      });
      return Promise.reject(
        closedWith(
          'RATE_LIMITED: Too many connections (at most 10 per participant): wait 5 s and try again.',
        ),
      );
    });
    fake.connection.start = start;
    const given = callbacks({ hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(given.onRefused).not.toHaveBeenCalled();
    expect(given.onStatus).toHaveBeenLastCalledWith('reconnecting');
    expect(given.onBusy).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4_800);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('a rate-limited join_room is asked again on the same connection after the wait', async () => {
    fake.connection.start = () => {
      fake.connection.state = 'Connected';
      return Promise.resolve();
    };
    const onReady = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError('RATE_LIMITED', 'Too many requests: wait 3 s and try again.', 0, {}, 3),
      )
      .mockResolvedValueOnce(undefined);
    const given = callbacks({ onReady, hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(given.onStatus).not.toHaveBeenCalledWith('connected');
    await vi.advanceTimersByTimeAsync(3_100);
    expect(onReady).toHaveBeenCalledTimes(2);
    expect(given.onStatus).toHaveBeenLastCalledWith('connected');
    expect(given.onBusy).toHaveBeenLastCalledWith(undefined);
  });

  it('a refused invocation carries the wait of its error event when its message names none', async () => {
    const hub = new RoomHub('tok', callbacks());
    fake.connection.invoke = () => {
      reportError({ code: 'SERVICE_BUSY', message: 'Busy.', retry_after: 4 });
      return Promise.reject(
        new Error('HubException: SERVICE_BUSY: The server is busy right now: try again in a moment.'),
      );
    };
    await expect(hub.invoke('start_timer', null)).rejects.toMatchObject({
      code: 'SERVICE_BUSY',
      retryAfterSeconds: 4,
    });
  });
});

describe('toHubError, refused for now', () => {
  it('takes the wait of a rate-limited invocation from its error event', () => {
    const error = toHubError(
      new Error(
        "An unexpected error occurred invoking 'pause_timer' on the server. HubException: RATE_LIMITED: Too many timer commands: wait 7 s and try again.",
      ),
      { code: 'RATE_LIMITED', message: 'Too many timer commands: wait 7 s and try again.', retry_after: 7 },
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7, isBusy: true });
  });

  it('takes the connection cap’s close as RATE_LIMITED with the wait of its error event', () => {
    const error = toHubError(
      closedWith('RATE_LIMITED: Too many connections (at most 10 per participant): wait 5 s and try again.'),
      { code: 'RATE_LIMITED', message: 'Too many connections (at most 10 per participant).', retry_after: 5 },
    );
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 5 });
  });
});

describe('RoomHub refusals, from the error event', () => {
  beforeEach(() => {
    fake.handlers.clear();
    fake.connection.state = 'Connected';
  });

  it('gives a refused invocation the code and wait of the error event sent before it', async () => {
    const hub = new RoomHub('tok', callbacks());
    fake.connection.invoke = () => {
      reportError({ code: 'TIMER_NOT_RUNNING', message: 'The timer is not running.' });
      return Promise.reject(new Error('An unexpected error occurred invoking the method.'));
    };
    await expect(hub.invoke('pause_timer')).rejects.toMatchObject({
      code: 'TIMER_NOT_RUNNING',
      message: 'The timer is not running.',
      retryAfterSeconds: undefined,
    });
  });

  it('matches two refusals in a row with their own events, in order', async () => {
    const hub = new RoomHub('tok', callbacks());
    const failures: (() => void)[] = [];
    fake.connection.invoke = () =>
      new Promise((_resolve, reject) => failures.push(() => reject(new Error('refused'))));
    const first = hub.invoke('start_timer', null);
    const second = hub.invoke('send_message', 'hi');
    // Both events and both failures arrive in one batch, before either caller hears of its failure.
    reportError({ code: 'TIMER_ALREADY_RUNNING', message: 'Running.' });
    failures[0]?.();
    reportError({ code: 'RATE_LIMITED', message: 'Too fast.', retry_after: 3 });
    failures[1]?.();
    await expect(first).rejects.toMatchObject({ code: 'TIMER_ALREADY_RUNNING' });
    await expect(second).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3 });
  });

  it('without an event: INTERNAL_ERROR while connected, NETWORK_ERROR once the connection is gone', async () => {
    const hub = new RoomHub('tok', callbacks());
    fake.connection.invoke = () =>
      Promise.reject(new Error('HubException: TIMER_NOT_RUNNING: text that is not read'));
    await expect(hub.invoke('skip_timer')).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
    fake.connection.state = 'Disconnected';
    fake.connection.invoke = () =>
      Promise.reject(new Error('Invocation canceled due to the underlying connection being closed.'));
    await expect(hub.invoke('skip_timer')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('passes the error event on to its owner too', () => {
    const error = vi.fn();
    new RoomHub('tok', callbacks({ events: { error } as unknown as RoomHubCallbacks['events'] }));
    reportError({ code: 'FORBIDDEN', message: 'No.' });
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ data: { code: 'FORBIDDEN', message: 'No.' } }),
    );
  });

  it('a connection refused with an error event is retried after its wait, and one without is an outage', () => {
    fake.connection.state = 'Disconnected';
    const given = callbacks({ hubTicket: () => Promise.resolve('t') });
    new RoomHub('tok', given);
    reportError({ code: 'SERVICE_BUSY', message: 'Busy.', retry_after: 6 });
    expect(nextDelay(closedWith('SERVICE_BUSY: Busy.'), 0)).toBe(6000);
    const outage = nextDelay(closedWith('SERVICE_BUSY: text that is not read'), 0);
    expect(outage).toBeLessThanOrEqual(1);
  });
});
