import { describe, expect, it } from 'vitest';

import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';

import { presenceCounts, presenceOf, roomStatus, statusOf } from './status';

describe('roomStatus', () => {
  it('is focusing while a work phase runs or is paused, and a break otherwise', () => {
    expect(roomStatus(timerState({ session_type: 'work', status: 'running' }))).toBe('focusing');
    expect(roomStatus(timerState({ session_type: 'work', status: 'paused' }))).toBe('focusing');
    expect(roomStatus(timerState({ session_type: 'work', status: 'idle' }))).toBe('break');
    expect(roomStatus(timerState({ session_type: 'work', status: 'completed' }))).toBe('break');
    expect(roomStatus(timerState({ session_type: 'break', status: 'running' }))).toBe('break');
    expect(roomStatus(timerState({ session_type: 'long_break', status: 'paused' }))).toBe('break');
    expect(roomStatus(undefined)).toBe('break');
  });
});

describe('statusOf', () => {
  const running = timerState({ session_type: 'work', status: 'running' });

  it('derives a room-following status from the timer, ignoring the stale one the server sent', () => {
    expect(statusOf(participant('a', { status: 'break', status_source: 'room' }), running)).toBe('focusing');
  });

  it('keeps a status the participant chose, whatever the phase', () => {
    expect(statusOf(participant('a', { status: 'away', status_source: 'self' }), running)).toBe('away');
    expect(statusOf(participant('a', { status: 'break', status_source: 'self' }), running)).toBe('break');
  });

  it('shows an offline participant as offline, not with a status', () => {
    expect(
      presenceOf(participant('a', { online: false, status: 'away', status_source: 'self' }), running),
    ).toBe('offline');
  });
});

describe('presenceCounts', () => {
  it('counts statuses of online participants only, and the offline apart', () => {
    const running = timerState({ session_type: 'work', status: 'running' });
    const people = [
      participant('a'),
      participant('b'),
      participant('c', { status: 'away', status_source: 'self' }),
      participant('d', { online: false }),
      participant('e', { online: false, status: 'away', status_source: 'self' }),
    ];
    expect(presenceCounts(people, running)).toEqual({ focusing: 2, break: 0, away: 1, offline: 2 });
  });
});
