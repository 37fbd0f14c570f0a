// Countdown maths. The server never ticks: a running phase ends at target_timestamp, and every
// browser counts down to it on its estimate of the server's clock.
import type { TimerState } from '@/types/api';

export function remainingMs(timer: TimerState, serverNowMs: number): number {
  if (timer.status === 'running' && timer.target_timestamp) {
    return Math.max(0, Date.parse(timer.target_timestamp) - serverNowMs);
  }
  return Math.max(0, timer.remaining_seconds * 1000);
}

/** The whole second shown: 24:59.2 left shows 25:00, as a kitchen timer does, and reaches 00:00 at the end. */
export function displaySeconds(remaining: number): number {
  return Math.max(0, Math.ceil(remaining / 1000 - 1e-9));
}

/** How long until the shown second changes; Infinity when it never will (at zero). */
export function msUntilNextFlip(remaining: number): number {
  const shown = displaySeconds(remaining);
  if (shown === 0) return Infinity;
  return remaining - (shown - 1) * 1000;
}

export function formatClock(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Only a strictly newer version replaces what we hold (events may arrive late or twice). */
export function isNewer(incoming: TimerState, current: TimerState | undefined): boolean {
  return current === undefined || incoming.version > current.version;
}

export interface CycleProgress {
  done: number;
  total: number;
}

export function cycleProgress(timer: TimerState, longBreakInterval: number): CycleProgress {
  return { done: Math.min(timer.completed_work_sessions, longBreakInterval), total: longBreakInterval };
}
