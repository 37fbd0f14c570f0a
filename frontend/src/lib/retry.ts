// Waiting out a busy server: a refusal with RATE_LIMITED or SERVICE_BUSY says how long to wait
// (Retry-After); where a person would expect the app to try again by itself, it does, a bounded number
// of times and never for longer than a person would sit and watch.
import { ApiError } from '@/lib/api-client';
import type { ErrorMessageKey } from '@/lib/error-messages';
import type { Translate } from '@/lib/i18n/translate';

/** The longest wait the app sits out by itself; a longer Retry-After is handed back to the person. */
export const maxBusyWaitSeconds = 30;

/** When a busy refusal says nothing about how long: a short pause is the calm default. */
const defaultBusyWaitSeconds = 2;

/**
 * How long to wait before trying again after `error`, in ms; undefined when it is not worth waiting
 * for (any other error, or a wait longer than `maxSeconds`).
 */
export function busyWaitMs(error: unknown, maxSeconds = maxBusyWaitSeconds): number | undefined {
  if (!(error instanceof ApiError) || !error.isBusy) return undefined;
  const seconds = error.retryAfterSeconds ?? defaultBusyWaitSeconds;
  if (seconds > maxSeconds) return undefined;
  // Retry-After is the time left in the limit's window rounded up to whole seconds: waiting that long
  // lands in the next window.
  return Math.max(1, seconds) * 1000;
}

/** The retry was dropped because what it would do is no longer what the person wants. */
export class SupersededError extends Error {
  constructor() {
    super('Superseded by a newer action.');
    this.name = 'SupersededError';
  }
}

export interface BusyRetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  maxWaitSeconds?: number;
  /** Before a wait: when the next attempt is due (local ms). After it: undefined. */
  onWait?: (retryAt: number | undefined) => void;
  /** Asked after each wait: true drops the retry with a SupersededError. */
  superseded?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt`; while the server answers "busy, wait N s", waits and tries again, within the limits. */
export async function retryWhenBusy<T>(attempt: () => Promise<T>, options: BusyRetryOptions): Promise<T> {
  const { retries, maxWaitSeconds, onWait, superseded, sleep = pause } = options;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const wait = retry < retries ? busyWaitMs(error, maxWaitSeconds) : undefined;
      if (wait === undefined) throw error;
      onWait?.(Date.now() + wait);
      try {
        await sleep(wait);
      } finally {
        onWait?.(undefined);
      }
      if (superseded?.()) throw new SupersededError();
    }
  }
}

/** What to tell a person whom the server turned away for now, after the app stopped retrying. */
export function busyMessage(error: ApiError, t: Translate<ErrorMessageKey>): string {
  if (error.code === 'SERVICE_BUSY') return t('error.serviceBusy');
  const seconds = error.retryAfterSeconds;
  if (seconds === undefined) return t('error.rateLimited');
  const wait =
    seconds < 90
      ? t('wait.seconds', { count: Math.max(1, seconds) })
      : t('wait.minutes', { count: Math.ceil(seconds / 60) });
  return t('error.rateLimitedFor', { wait });
}
