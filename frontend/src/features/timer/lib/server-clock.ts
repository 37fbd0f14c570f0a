// NTP-style estimate of the server's clock: ask for its time a few times and trust the answer whose
// round trip was shortest, since its midpoint brackets the server's reading most tightly.
import type { SyncResult } from '@/types/api';

export interface ClockSample {
  /** Local clock (ms) when the request left. */
  sentAt: number;
  /** Local clock (ms) when the answer came back. */
  receivedAt: number;
  /** Server clock (Unix ms, truncated to the millisecond) when it answered. */
  serverTime: number;
}

export interface ClockEstimate {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  roundTripMs: number;
}

export function estimateFromSample(sample: ClockSample): ClockEstimate {
  const roundTripMs = sample.receivedAt - sample.sentAt;
  // The server truncates to whole milliseconds: its reading is on average half a millisecond later.
  const offsetMs = sample.serverTime + 0.5 - (sample.sentAt + sample.receivedAt) / 2;
  return { offsetMs, roundTripMs };
}

export function bestEstimate(samples: readonly ClockSample[]): ClockEstimate | undefined {
  let best: ClockEstimate | undefined;
  for (const sample of samples) {
    const estimate = estimateFromSample(sample);
    if (estimate.roundTripMs >= 0 && (!best || estimate.roundTripMs < best.roundTripMs)) best = estimate;
  }
  return best;
}

export type SyncCall = (clientTimeMs: number) => Promise<SyncResult>;

export const samplesPerSync = 5;

/** Takes `count` samples one after another and returns the best; local time comes from `now`. */
export async function measureServerClock(
  sync: SyncCall,
  count = samplesPerSync,
  now: () => number = Date.now,
): Promise<ClockEstimate | undefined> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const sentAt = now();
    const result = await sync(sentAt);
    samples.push({ sentAt, receivedAt: now(), serverTime: result.server_time });
  }
  return bestEstimate(samples);
}

/**
 * Which estimate to keep after a new measurement. Each estimate brackets the true offset within
 * ±round trip/2; while the two brackets overlap, the tighter one wins (a measurement taken while the
 * server or network was busy must not replace a better one). Brackets that do not overlap mean a clock
 * jumped in between: only the new measurement describes the clocks as they are now.
 */
export function preferredEstimate(
  current: ClockEstimate | undefined,
  measured: ClockEstimate,
): ClockEstimate {
  if (!current) return measured;
  const apart = Math.abs(current.offsetMs - measured.offsetMs);
  const consistent = apart <= (current.roundTripMs + measured.roundTripMs) / 2 + 1;
  return consistent && current.roundTripMs < measured.roundTripMs ? current : measured;
}

/**
 * Whether an event stamped `serverTimeMs` contradicts the estimate: it cannot have been sent after
 * "now", nor (on a live connection) long before it. Either means the estimate went stale.
 */
export function contradictsEstimate(serverTimeMs: number, estimatedNowMs: number, slackMs = 2000): boolean {
  return serverTimeMs > estimatedNowMs + slackMs || serverTimeMs < estimatedNowMs - 5 * slackMs;
}
