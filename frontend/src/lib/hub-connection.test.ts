import { HttpTransportType, type IHttpConnectionOptions, type IRetryPolicy } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from './api-client';
import { RoomHub, type RoomHubCallbacks } from './hub';

const fake = vi.hoisted(() => ({
  options: undefined as IHttpConnectionOptions | undefined,
  policy: undefined as IRetryPolicy | undefined,
  connection: {
    on: () => undefined,
    onreconnecting: () => undefined,
    onreconnected: () => undefined,
    onclose: () => undefined,
    start: undefined as unknown as () => Promise<void>,
    stop: () => Promise.resolve(),
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

function callbacks(checkAccess: () => Promise<unknown>): RoomHubCallbacks {
  return {
    events: {} as RoomHubCallbacks['events'],
    onStatus: vi.fn(),
    onReady: vi.fn(() => Promise.resolve()),
    onRefused: vi.fn(),
    checkAccess: vi.fn(checkAccess),
  };
}

describe('RoomHub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects over WebSockets only, skipping negotiation (no sticky sessions behind nginx)', () => {
    new RoomHub(
      'tok',
      callbacks(() => Promise.resolve()),
    );
    expect(fake.options).toMatchObject({ skipNegotiation: true, transport: HttpTransportType.WebSockets });
    expect(fake.options?.accessTokenFactory?.()).toBe('tok');
  });

  it('after failed attempts asks over REST, and stops for good when the token is dead', async () => {
    const start = vi.fn(() => Promise.reject(new Error('WebSocket failed to connect.')));
    fake.connection.start = start;
    const given = callbacks(() => Promise.reject(new ApiError('UNAUTHORIZED', 'invalid', 401)));
    new RoomHub('tok', given).start();

    await vi.advanceTimersByTimeAsync(2_000);
    // One failure is likely a restarting server: only the second in a row asks.
    const [firstCheck] = vi.mocked(given.checkAccess!).mock.invocationCallOrder;
    expect(firstCheck).toBeGreaterThan(start.mock.invocationCallOrder[1] ?? Infinity);
    expect(given.onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    const attempts = start.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(start.mock.calls.length).toBe(attempts);
  });

  it('keeps retrying when the check cannot reach the server either', async () => {
    const start = vi.fn(() => Promise.reject(new Error('WebSocket failed to connect.')));
    fake.connection.start = start;
    const given = callbacks(() => Promise.reject(new ApiError('NETWORK_ERROR', 'down', 0)));
    new RoomHub('tok', given).start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(given.onRefused).not.toHaveBeenCalled();
    expect(start.mock.calls.length).toBeGreaterThan(4);
  });

  it('checks the token during automatic reconnects too', () => {
    const given = callbacks(() => Promise.resolve());
    new RoomHub('tok', given);
    fake.policy?.nextRetryDelayInMilliseconds({
      previousRetryCount: 0,
      elapsedMilliseconds: 0,
      retryReason: new Error(),
    });
    expect(given.checkAccess).not.toHaveBeenCalled();
    fake.policy?.nextRetryDelayInMilliseconds({
      previousRetryCount: 2,
      elapsedMilliseconds: 0,
      retryReason: new Error(),
    });
    expect(given.checkAccess).toHaveBeenCalled();
  });
});
