import { useCallback, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

import type { TimerState } from '@/types/api';

import { displaySeconds, msUntilNextFlip, remainingMs } from '../lib/countdown';

/**
 * Timers may fire a fraction of a millisecond early; one that fires before the boundary would have to
 * be re-armed, and a re-armed short timer in a chain is clamped to 4 ms. Aim just past the boundary.
 */
const flipMarginMs = 1;

/**
 * The second to show for the timer. It re-renders exactly when the shown second changes on the
 * estimated server clock (a timeout to the next second boundary, not a setInterval from page load), so
 * every browser in the room flips together; and when the tab becomes visible again, since a
 * background tab's timeouts are throttled.
 */
export function useCountdownSeconds(timer: TimerState | undefined, offsetMs: number): number {
  const read = useCallback(
    () => (timer ? displaySeconds(remainingMs(timer, Date.now() + offsetMs)) : 0),
    [timer, offsetMs],
  );

  const subscribe = useCallback(
    (notify: () => void) => {
      let handle: ReturnType<typeof setTimeout> | undefined;
      const schedule = () => {
        if (!timer) return;
        const wait = msUntilNextFlip(remainingMs(timer, Date.now() + offsetMs));
        if (!Number.isFinite(wait)) return;
        handle = setTimeout(() => {
          // Paint now, not whenever React's scheduler gets to it: browsers in a room flip together.
          flushSync(notify);
          schedule();
        }, wait + flipMarginMs);
      };
      const onVisible = () => {
        if (document.visibilityState !== 'visible') return;
        clearTimeout(handle);
        notify();
        schedule();
      };
      schedule();
      document.addEventListener('visibilitychange', onVisible);
      return () => {
        clearTimeout(handle);
        document.removeEventListener('visibilitychange', onVisible);
      };
    },
    [timer, offsetMs],
  );

  return useSyncExternalStore(subscribe, read);
}
