import { describe, expect, it, vi } from 'vitest';

import { ApiError } from './api-client';
import { errorMessages } from './error-messages';
import { translate, type KeyOf, type MessageParams } from './i18n/translate';
import { busyMessage, busyWaitMs, retryWhenBusy, SupersededError } from './retry';

const limited = (seconds?: number) => new ApiError('RATE_LIMITED', 'Too many.', 429, {}, seconds);
const busy = (seconds?: number) => new ApiError('SERVICE_BUSY', 'Busy.', 503, {}, seconds);

/** A sleep that records what it was asked to wait and returns at once. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

describe('busyWaitMs', () => {
  it('waits what Retry-After says', () => {
    expect(busyWaitMs(limited(3))).toBe(3000);
    expect(busyWaitMs(busy(5))).toBe(5000);
  });

  it('waits a short default when the server named no time', () => {
    expect(busyWaitMs(limited())).toBe(2000);
  });

  it('does not sit out more than 30 s, nor wait for anything but a refusal for now', () => {
    expect(busyWaitMs(limited(30))).toBe(30_000);
    expect(busyWaitMs(limited(31))).toBeUndefined();
    expect(busyWaitMs(new ApiError('FORBIDDEN', 'No.', 403))).toBeUndefined();
    expect(busyWaitMs(new Error('boom'))).toBeUndefined();
  });
});

describe('retryWhenBusy', () => {
  it('waits out Retry-After and tries again, telling when the next try is due', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(limited(3)).mockResolvedValueOnce('done');
    const { waits, sleep } = recordingSleep();
    const onWait = vi.fn();
    await expect(retryWhenBusy(attempt, { retries: 2, onWait, sleep })).resolves.toBe('done');
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(waits).toEqual([3000]);
    expect(onWait).toHaveBeenNthCalledWith(1, expect.any(Number));
    expect(onWait).toHaveBeenLastCalledWith(undefined);
  });

  it('gives up after its retries with the last refusal', async () => {
    const attempt = vi.fn().mockRejectedValue(limited(1));
    const { waits, sleep } = recordingSleep();
    await expect(retryWhenBusy(attempt, { retries: 2, sleep })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('hands a wait longer than the cap straight back instead of sitting it out', async () => {
    const attempt = vi.fn().mockRejectedValue(limited(45));
    const { waits, sleep } = recordingSleep();
    await expect(retryWhenBusy(attempt, { retries: 2, sleep })).rejects.toMatchObject({
      retryAfterSeconds: 45,
    });
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
  });

  it('does not retry other failures', async () => {
    const attempt = vi.fn().mockRejectedValue(new ApiError('TIMER_NOT_RUNNING', 'No.', 409));
    await expect(
      retryWhenBusy(attempt, { retries: 2, sleep: () => Promise.resolve() }),
    ).rejects.toMatchObject({ code: 'TIMER_NOT_RUNNING' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('drops the retry when it was superseded during the wait', async () => {
    const attempt = vi.fn().mockRejectedValue(limited(2));
    const superseded = vi.fn(() => true);
    await expect(
      retryWhenBusy(attempt, { retries: 2, superseded, sleep: () => Promise.resolve() }),
    ).rejects.toBeInstanceOf(SupersededError);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('really waits on the clock by default', async () => {
    vi.useFakeTimers();
    try {
      const attempt = vi.fn().mockRejectedValueOnce(busy(4)).mockResolvedValueOnce('ok');
      const result = retryWhenBusy(attempt, { retries: 1 });
      await vi.advanceTimersByTimeAsync(3900);
      expect(attempt).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      await expect(result).resolves.toBe('ok');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('busyMessage', () => {
  type Key = KeyOf<typeof errorMessages>;
  const en = (key: Key, params?: MessageParams) => translate(errorMessages, 'en', key, params);
  const ko = (key: Key, params?: MessageParams) => translate(errorMessages, 'ko', key, params);

  it('says how long to wait, in seconds or minutes, in both languages', () => {
    expect(busyMessage(limited(12), en)).toBe('Too many requests right now. Please try again in 12 s.');
    expect(busyMessage(limited(540), en)).toBe('Too many requests right now. Please try again in 9 min.');
    expect(busyMessage(limited(12), ko)).toBe('지금은 요청이 너무 많습니다. 12초 뒤에 다시 시도해 주세요.');
  });

  it('falls back to the plain texts', () => {
    expect(busyMessage(limited(), en)).toBe('Too many requests. Please wait a moment.');
    expect(busyMessage(busy(5), en)).toBe('The server is busy right now. Please try again in a moment.');
  });
});
