import { describe, expect, it } from 'vitest';

import { timerState } from '@/testing/timer-state';

import {
  cycleProgress,
  displaySeconds,
  formatClock,
  isNewer,
  msUntilNextFlip,
  remainingMs,
} from './countdown';

const target = Date.parse('2026-01-02T03:30:00.000Z');

describe('remainingMs', () => {
  const running = timerState({ status: 'running', target_timestamp: '2026-01-02T03:30:00.000Z' });

  it('counts a running phase down to its target on the server clock', () => {
    expect(remainingMs(running, target - 61_250)).toBe(61_250);
  });

  it('never goes below zero', () => {
    expect(remainingMs(running, target + 5000)).toBe(0);
  });

  it('holds still while paused, idle or completed', () => {
    expect(remainingMs(timerState({ status: 'paused', remaining_seconds: 842.125 }), target)).toBe(842_125);
    expect(remainingMs(timerState({ status: 'completed', remaining_seconds: 300 }), target)).toBe(300_000);
  });
});

describe('displaySeconds', () => {
  it('shows the whole second that is under way, like a kitchen timer', () => {
    expect(displaySeconds(1_500_000)).toBe(1500);
    expect(displaySeconds(1_499_999)).toBe(1500);
    expect(displaySeconds(1_499_000)).toBe(1499);
    expect(displaySeconds(0.4)).toBe(1);
    expect(displaySeconds(0)).toBe(0);
  });
});

describe('msUntilNextFlip', () => {
  it('waits exactly until the shown second changes', () => {
    expect(msUntilNextFlip(61_250)).toBe(250);
    expect(msUntilNextFlip(61_000)).toBe(1000);
    expect(msUntilNextFlip(999)).toBe(999);
  });

  it('stops at zero', () => {
    expect(msUntilNextFlip(0)).toBe(Infinity);
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, up to a full hour', () => {
    expect(formatClock(1500)).toBe('25:00');
    expect(formatClock(61)).toBe('01:01');
    expect(formatClock(3600)).toBe('60:00');
    expect(formatClock(0)).toBe('00:00');
  });
});

describe('isNewer', () => {
  it('takes only strictly newer versions', () => {
    const held = timerState({ version: 7 });
    expect(isNewer(timerState({ version: 8 }), held)).toBe(true);
    expect(isNewer(timerState({ version: 7 }), held)).toBe(false);
    expect(isNewer(timerState({ version: 6 }), held)).toBe(false);
    expect(isNewer(timerState({ version: 1 }), undefined)).toBe(true);
  });
});

describe('cycleProgress', () => {
  it('counts completed focus sessions of the interval', () => {
    expect(cycleProgress(timerState({ completed_work_sessions: 3 }), 4)).toEqual({ done: 3, total: 4 });
    expect(cycleProgress(timerState({ completed_work_sessions: 9 }), 4)).toEqual({ done: 4, total: 4 });
  });
});
