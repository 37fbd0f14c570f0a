// The synchrony probe (issue 3, item 9): two pages in one room record the instant each displayed
// second flips, on the machine's real clock (see support/flips.ts); the figures are the differences
// between the two pages' flips of the same second. It prints figures; it is not a timed pass/fail test.
import type { Page } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { flipDifferences, flipTimes, realNow, recordFlips, waitForFlips } from './support/flips';
import { createRoom, joinRoom, timerStatus } from './support/room';

const flipsPerRun = Number(process.env.PROBE_FLIPS ?? 20);
// The first seconds after joining are left out: the page is still settling (initial render, re-syncs).
const settleMs = 12_000;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

async function recordRoom(a: Page, b: Page): Promise<number[]> {
  const link = await createRoom(a, { work: 60 });
  await joinRoom(b, link);
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
  const since = (await realNow(a)) + settleMs;
  const timeout = settleMs + (flipsPerRun + 30) * 1000;
  await Promise.all([a, b].map((page) => waitForFlips(page, flipsPerRun + 1, since, timeout)));
  const diffs = flipDifferences(await flipTimes(a, since), await flipTimes(b, since));
  return diffs.slice(0, flipsPerRun).sort((x, y) => x - y);
}

function report(label: string, diffs: number[], roundTrips: (string | null)[]): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line =
    `sync-probe (${label}): ${diffs.length} flips, |A-B| p50 ${ms(percentile(diffs, 50))}, ` +
    `p95 ${ms(percentile(diffs, 95))}, p99 ${ms(percentile(diffs, 99))}, max ${ms(diffs.at(-1) ?? NaN)} ` +
    `(clock-sync round trips: A ${roundTrips[0]} ms, B ${roundTrips[1]} ms)`;
  console.log(line);
  test.info().annotations.push({ type: 'sync-probe', description: line });
}

/** Runs before the page's scripts: every Date reads the real time plus `skew`. */
function shiftDate(skew: number): void {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<typeof Date> | []) {
      if (args.length === 0) super(realNow() + skew);
      else super(...args);
    }

    static override now(): number {
      return realNow() + skew;
    }
  }
  window.Date = ShiftedDate as DateConstructor;
}

/** The machine's floor: two bare pages, no app, flipping a number at each second of the same clock. */
async function recordIdealPair(a: Page, b: Page): Promise<number[]> {
  for (const page of [a, b]) {
    await page.goto('about:blank');
    await page.evaluate(recordFlips);
    await page.evaluate(() => {
      const el = document.body.appendChild(document.createElement('div'));
      el.setAttribute('role', 'timer');
      const tick = () => {
        const second = String(Math.floor(Date.now() / 1000));
        if (el.dataset.seconds !== second) el.dataset.seconds = second;
        setTimeout(tick, 1001 - (Date.now() % 1000));
      };
      tick();
    });
  }
  const since = (await realNow(a)) + 1500;
  await Promise.all(
    [a, b].map((page) => waitForFlips(page, flipsPerRun + 1, since, (flipsPerRun + 30) * 1000)),
  );
  return flipDifferences(await flipTimes(a, since), await flipTimes(b, since))
    .slice(0, flipsPerRun)
    .sort((x, y) => x - y);
}

test.describe('sync probe', () => {
  test.describe.configure({ timeout: 240_000 });

  test('baseline: an ideal pair of bare pages on the same clock', async ({ openPerson }) => {
    const diffs = await recordIdealPair(await openPerson(), await openPerson());
    report('ideal pair, no app', diffs, ['-', '-']);
    expect(diffs.length).toBeGreaterThanOrEqual(flipsPerRun - 2);
  });

  const skewMs = -4 * 60_000;
  const variants: { label: string; skew: number; setUp?: (b: Page) => Promise<unknown> }[] = [
    { label: 'same clock', skew: 0 },
    {
      // Playwright's clock API fakes Date and the page's timers; its time advances in steps.
      label: "B's clock 4 min slow, Playwright clock API",
      skew: skewMs,
      setUp: (b) => b.clock.install({ time: Date.now() + skewMs }),
    },
    {
      // What a machine whose wall clock is wrong looks like: Date is off, timers run as usual.
      label: "B's wall clock 4 min slow, Date shifted",
      skew: skewMs,
      setUp: (b) => b.addInitScript(shiftDate, skewMs),
    },
  ];

  for (const { label, skew, setUp } of variants) {
    test(`two pages flip each second together (${label})`, async ({ openPerson }) => {
      const a = await openPerson();
      const b = await openPerson();
      await setUp?.(b);

      const diffs = await recordRoom(a, b);
      const shownSkew = await b.evaluate(() => Date.now() - window.realNow());
      expect(Math.abs(shownSkew - skew)).toBeLessThan(5000);
      const roundTrips = await Promise.all(
        [a, b].map((p) => p.locator('[data-clock-round-trip]').getAttribute('data-clock-round-trip')),
      );
      report(label, diffs, roundTrips);
      expect(diffs.length).toBeGreaterThanOrEqual(flipsPerRun - 2);
    });
  }
});
