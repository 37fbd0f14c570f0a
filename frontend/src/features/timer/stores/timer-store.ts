import { create } from 'zustand';

import type { TimerComplete, TimerState } from '@/types/api';

import { isNewer } from '../lib/countdown';
import { preferredEstimate, type ClockEstimate } from '../lib/server-clock';

const mutedKey = 'focusmate.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(mutedKey) === 'true';
  } catch {
    return false;
  }
}

/** What the page tells of a phase end (when exactly it ended is the server's business). */
export type PhaseCompletion = Pick<
  TimerComplete,
  'completed_session_type' | 'next_session_type' | 'auto_start'
>;

export interface PhaseEnd extends PhaseCompletion {
  /** Distinguishes two equal endings in a row, so the banner can announce each. */
  id: number;
}

interface TimerStoreState {
  timer: TimerState | undefined;
  /** Server clock minus local clock, in ms. */
  offsetMs: number;
  roundTripMs: number | undefined;
  phaseEnd: PhaseEnd | undefined;
  muted: boolean;
  /** Takes the state if it is newer than the one held; says whether it did. */
  applyTimer: (timer: TimerState) => boolean;
  /** Takes a new measurement of the server clock, keeping the previous one if it is still better. */
  measuredClock: (estimate: ClockEstimate) => void;
  phaseEnded: (completion: PhaseCompletion) => void;
  dismissPhaseEnd: () => void;
  toggleMuted: () => void;
  clear: () => void;
}

export const useTimerStore = create<TimerStoreState>()((set, get) => ({
  timer: undefined,
  offsetMs: 0,
  roundTripMs: undefined,
  phaseEnd: undefined,
  muted: readMuted(),
  applyTimer: (timer) => {
    if (!isNewer(timer, get().timer)) return false;
    set(timer.status === 'idle' ? { timer, phaseEnd: undefined } : { timer });
    return true;
  },
  measuredClock: (measured) => {
    const { offsetMs, roundTripMs } = get();
    const current = roundTripMs === undefined ? undefined : { offsetMs, roundTripMs };
    set(preferredEstimate(current, measured));
  },
  phaseEnded: (completion) => set({ phaseEnd: { ...completion, id: (get().phaseEnd?.id ?? 0) + 1 } }),
  dismissPhaseEnd: () => set({ phaseEnd: undefined }),
  toggleMuted: () => {
    const muted = !get().muted;
    try {
      localStorage.setItem(mutedKey, String(muted));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    set({ muted });
  },
  clear: () => set({ timer: undefined, phaseEnd: undefined, offsetMs: 0, roundTripMs: undefined }),
}));

/** The estimated server clock now, in Unix ms. */
export function serverNow(): number {
  return Date.now() + useTimerStore.getState().offsetMs;
}
