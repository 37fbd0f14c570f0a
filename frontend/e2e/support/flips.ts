// Every test page records when its countdown shows each new second, on the machine's real clock (the
// recorder runs before the page's scripts and before Playwright's fake clock, so it keeps the real one).
import type { Page } from '@playwright/test';

export interface Flip {
  seconds: number;
  at: number;
}

declare global {
  interface Window {
    recordedFlips: Flip[];
    realNow: () => number;
  }
}

export function recordFlips(): void {
  if (Array.isArray(window.recordedFlips)) return;
  const perf = window.performance;
  const realNow = perf.now.bind(perf);
  const origin = perf.timeOrigin;
  window.realNow = () => origin + realNow();
  window.recordedFlips = [];
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const el = mutation.target as HTMLElement;
      if (el.getAttribute('role') === 'timer') {
        window.recordedFlips.push({ seconds: Number(el.dataset.seconds), at: window.realNow() });
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-seconds'] });
}

/** When the page first showed each second since `since` (real clock, ms). */
export async function flipTimes(page: Page, since = 0): Promise<Map<number, number>> {
  const flips = await page.evaluate(() => window.recordedFlips);
  const times = new Map<number, number>();
  for (const flip of flips)
    if (flip.at >= since && !times.has(flip.seconds)) times.set(flip.seconds, flip.at);
  return times;
}

export const realNow = (page: Page) => page.evaluate(() => window.realNow());

/** Waits until the page has shown `count` different seconds since `since`. */
export async function waitForFlips(
  page: Page,
  count: number,
  since: number,
  timeout = 15_000,
): Promise<void> {
  await page.waitForFunction(
    ([n, from]) => new Set(window.recordedFlips.filter((f) => f.at >= from).map((f) => f.seconds)).size >= n,
    [count, since] as const,
    { timeout },
  );
}

/** For each second both pages showed, how far apart (ms) they started showing it. */
export function flipDifferences(a: Map<number, number>, b: Map<number, number>): number[] {
  return [...a.keys()]
    .filter((s) => b.has(s))
    .sort((x, y) => y - x)
    .map((s) => Math.abs((a.get(s) ?? 0) - (b.get(s) ?? 0)));
}
