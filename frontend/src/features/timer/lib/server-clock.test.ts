import { describe, expect, it } from 'vitest';

import {
  bestEstimate,
  contradictsEstimate,
  estimateFromSample,
  measureServerClock,
  preferredEstimate,
  type SyncCall,
} from './server-clock';

describe('estimateFromSample', () => {
  it('puts the server reading at the midpoint of the round trip', () => {
    expect(estimateFromSample({ sentAt: 1000, receivedAt: 1010, serverTime: 61_005 })).toEqual({
      offsetMs: 60_000.5,
      roundTripMs: 10,
    });
  });
});

describe('bestEstimate', () => {
  it('trusts the sample with the smallest round trip', () => {
    const best = bestEstimate([
      { sentAt: 0, receivedAt: 300, serverTime: 5000 }, // slow and lopsided
      { sentAt: 400, receivedAt: 402, serverTime: 5401 },
      { sentAt: 500, receivedAt: 540, serverTime: 5530 },
    ]);
    expect(best).toEqual({ offsetMs: 5000.5, roundTripMs: 2 });
  });

  it('has nothing to say without samples', () => {
    expect(bestEstimate([])).toBeUndefined();
  });
});

describe('measureServerClock', () => {
  it('finds a five-minute skew through uneven network delays', async () => {
    let local = 1_000_000;
    const skew = 5 * 60_000;
    const delays = [
      [90, 10],
      [3, 3],
      [40, 2],
      [1, 60],
      [20, 20],
    ] as const;
    let call = 0;
    const sync: SyncCall = (clientTime) => {
      const [up, down] = delays[call++] ?? [0, 0];
      local += up;
      const server = local + skew;
      local += down;
      return Promise.resolve({ client_time: clientTime, server_time: server });
    };
    const estimate = await measureServerClock(sync, 5, () => local);
    expect(call).toBe(5);
    expect(estimate?.roundTripMs).toBe(6);
    expect(estimate?.offsetMs).toBeCloseTo(skew, -1);
  });
});

describe('preferredEstimate', () => {
  it('keeps a tighter earlier estimate that agrees with the new one', () => {
    const current = { offsetMs: 100, roundTripMs: 2 };
    expect(preferredEstimate(current, { offsetMs: 120, roundTripMs: 80 })).toBe(current);
  });

  it('takes a tighter new estimate', () => {
    const measured = { offsetMs: 101, roundTripMs: 1 };
    expect(preferredEstimate({ offsetMs: 100, roundTripMs: 2 }, measured)).toBe(measured);
  });

  it('takes the new estimate when the clocks jumped (the two cannot both be right)', () => {
    const measured = { offsetMs: 61_100, roundTripMs: 30 };
    expect(preferredEstimate({ offsetMs: 100, roundTripMs: 2 }, measured)).toBe(measured);
  });
});

describe('contradictsEstimate', () => {
  it('accepts an event sent a moment ago', () => {
    expect(contradictsEstimate(9_950, 10_000)).toBe(false);
  });

  it('flags an event stamped in our future or long past', () => {
    expect(contradictsEstimate(70_000, 10_000)).toBe(true);
    expect(contradictsEstimate(-50_000, 10_000)).toBe(true);
  });
});
