import { beforeEach, describe, expect, it } from 'vitest';

import { timerState } from '@/testing/timer-state';

import { useTimerStore } from './timer-store';

describe('timer store', () => {
  beforeEach(() => useTimerStore.getState().clear());

  it('ignores events whose version is not newer than the one held', () => {
    const store = useTimerStore.getState();
    expect(store.applyTimer(timerState({ version: 5, status: 'running' }))).toBe(true);
    expect(store.applyTimer(timerState({ version: 4, status: 'paused' }))).toBe(false);
    expect(store.applyTimer(timerState({ version: 5, status: 'idle' }))).toBe(false);
    expect(useTimerStore.getState().timer?.status).toBe('running');
    expect(store.applyTimer(timerState({ version: 6, status: 'paused' }))).toBe(true);
    expect(useTimerStore.getState().timer?.status).toBe('paused');
  });

  it('keeps the better clock estimate while measurements agree', () => {
    const store = useTimerStore.getState();
    store.measuredClock({ offsetMs: 240_000, roundTripMs: 3 });
    store.measuredClock({ offsetMs: 240_040, roundTripMs: 120 });
    expect(useTimerStore.getState()).toMatchObject({ offsetMs: 240_000, roundTripMs: 3 });
  });

  it('a reset clears the phase-end banner', () => {
    const store = useTimerStore.getState();
    store.applyTimer(timerState({ version: 2, status: 'running' }));
    store.phaseEnded({ completed_session_type: 'work', next_session_type: 'break', auto_start: true });
    expect(useTimerStore.getState().phaseEnd?.completed_session_type).toBe('work');
    store.applyTimer(timerState({ version: 3, status: 'idle' }));
    expect(useTimerStore.getState().phaseEnd).toBeUndefined();
  });

  it('remembers the mute choice', () => {
    useTimerStore.getState().toggleMuted();
    expect(useTimerStore.getState().muted).toBe(true);
    expect(localStorage.getItem('focusmate.muted')).toBe('true');
  });
});
