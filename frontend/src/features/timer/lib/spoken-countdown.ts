// What the countdown says to a screen reader, through a polite live region: the phase and the time left
// whenever the phase or its state changes, then the minutes left now and then while it runs (every five
// minutes, each of the last five) — never each second, which would drown out everything else.
import type { TimerState } from '@/types/api';

export interface Spoken {
  /** Which phase in which state (a change is said at once). */
  context: string;
  /** The minutes left that were last said. */
  minutes: number;
  key: 'spoken.running' | 'spoken.paused' | 'spoken.idle' | 'spoken.completed' | 'spoken.minutes';
}

/** Whole minutes left, rounded up: "1 minute left" until the very end. */
export const minutesLeft = (seconds: number) => Math.max(0, Math.ceil(seconds / 60));

/** The minutes worth saying while a phase runs: every fifth, and each of the last five. */
export const isSpokenMinute = (minutes: number) => minutes > 0 && (minutes <= 5 || minutes % 5 === 0);

const contextOf = (timer: TimerState) => `${timer.session_type}|${timer.status}|${timer.started_at ?? ''}`;

/**
 * What to say after a countdown flip, given what was said last: the same object when nothing new is to
 * be said (the live region's text stays, so nothing is read).
 */
export function nextSpoken(previous: Spoken | undefined, timer: TimerState, seconds: number): Spoken {
  const context = contextOf(timer);
  const minutes = minutesLeft(seconds);
  if (previous?.context !== context) return { context, minutes, key: `spoken.${timer.status}` };
  if (timer.status !== 'running' || minutes === previous.minutes || !isSpokenMinute(minutes)) return previous;
  return { context, minutes, key: 'spoken.minutes' };
}
