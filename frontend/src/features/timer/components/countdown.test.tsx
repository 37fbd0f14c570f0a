import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useLanguageStore } from '@/lib/i18n/language';
import { timerState } from '@/testing/timer-state';

import { Countdown } from './countdown';

const now = Date.parse('2026-01-02T03:00:00.000Z');

function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('Countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
    useLanguageStore.getState().setLanguage('en');
  });

  it('flips exactly at each second boundary of the server clock, whenever the page loaded', () => {
    // The phase ends 2.25 s from now on the server clock, which runs 90 s ahead of this browser.
    const target = new Date(now + 90_000 + 2250).toISOString();
    const timer = timerState({ status: 'running', target_timestamp: target });
    render(<Countdown timer={timer} offsetMs={90_000} />);
    const clock = screen.getByRole('timer');
    expect(clock).toHaveTextContent('00:03');

    advance(249);
    expect(clock).toHaveTextContent('00:03');
    advance(2); // the boundary at 250 ms, plus the 1 ms the timer aims past it
    expect(clock).toHaveTextContent('00:02');
    advance(998);
    expect(clock).toHaveTextContent('00:02');
    advance(2);
    expect(clock).toHaveTextContent('00:01');
    advance(5000);
    expect(clock).toHaveTextContent('00:00');
  });

  it('names itself with the phase and the time left, and puts both in the tab title', () => {
    render(<Countdown timer={timerState({ status: 'paused', remaining_seconds: 754.5 })} offsetMs={0} />);
    expect(screen.getByRole('timer', { name: 'Focus, 12:35 left' })).toBeInTheDocument();
    advance(0);
    expect(document.title).toBe('12:35 · Focus — FocusMate');
  });

  it('does not move while paused', () => {
    render(<Countdown timer={timerState({ status: 'paused', remaining_seconds: 60 })} offsetMs={0} />);
    advance(10_000);
    expect(screen.getByRole('timer')).toHaveTextContent('01:00');
  });

  it('tells screen readers the phase and the minutes left now and then, not every second', () => {
    // Six minutes and a half of focus left.
    const target = new Date(now + 390_500).toISOString();
    render(<Countdown timer={timerState({ status: 'running', target_timestamp: target })} offsetMs={0} />);
    const spoken = screen.getByTestId('spoken-countdown');
    expect(spoken).toHaveAttribute('role', 'status');
    expect(spoken).toHaveTextContent('Focus running, 7 minutes left.');
    const changes: string[] = [];
    let text = spoken.textContent;
    for (let second = 0; second < 390; second += 1) {
      advance(1000);
      if (spoken.textContent !== text) changes.push((text = spoken.textContent) ?? '');
    }
    expect(changes).toEqual([
      '5 minutes left.',
      '4 minutes left.',
      '3 minutes left.',
      '2 minutes left.',
      '1 minute left.',
    ]);
    // The clock itself is no live region: it is read when the reader goes to it.
    expect(screen.getByRole('timer')).toHaveAttribute('aria-live', 'off');
  });

  it('speaks Korean minutes with a counter', () => {
    useLanguageStore.getState().setLanguage('ko');
    render(<Countdown timer={timerState({ status: 'paused', remaining_seconds: 61 })} offsetMs={0} />);
    expect(screen.getByTestId('spoken-countdown')).toHaveTextContent('집중 일시정지, 2분 남음.');
  });
});
