import { describe, expect, it } from 'vitest';

import { timerState } from '@/testing/timer-state';

import { isSpokenMinute, minutesLeft, nextSpoken } from './spoken-countdown';

const running = timerState({ status: 'running', started_at: '2026-01-02T03:00:00.000Z' });

describe('what the countdown says to a screen reader', () => {
  it('says the phase and its state at once, with the minutes left', () => {
    const first = nextSpoken(undefined, running, 25 * 60);
    expect(first).toMatchObject({ key: 'spoken.running', minutes: 25 });
    const paused = nextSpoken(first, { ...running, status: 'paused' }, 12 * 60 + 30);
    expect(paused).toMatchObject({ key: 'spoken.paused', minutes: 13 });
    const breakNext = nextSpoken(paused, timerState({ status: 'completed', session_type: 'break' }), 300);
    expect(breakNext.key).toBe('spoken.completed');
  });

  it('then only every fifth minute, and each of the last five — never each second', () => {
    let spoken = nextSpoken(undefined, running, 25 * 60);
    const said: number[] = [];
    for (let seconds = 25 * 60 - 1; seconds >= 0; seconds -= 1) {
      const next = nextSpoken(spoken, running, seconds);
      if (next !== spoken) said.push(next.minutes);
      spoken = next;
    }
    expect(said).toEqual([20, 15, 10, 5, 4, 3, 2, 1]);
  });

  it('counts minutes up, so the last minute is "1 minute"', () => {
    expect(minutesLeft(61)).toBe(2);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(0)).toBe(0);
    expect([1, 5, 10, 25].every(isSpokenMinute)).toBe(true);
    expect([0, 6, 7, 24].some(isSpokenMinute)).toBe(false);
  });

  it('says nothing new while paused, however long', () => {
    const paused = { ...running, status: 'paused' as const };
    const first = nextSpoken(undefined, paused, 600);
    expect(nextSpoken(first, paused, 300)).toBe(first);
  });
});
