import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import { useLanguageStore } from '@/lib/i18n/language';
import { timerState } from '@/testing/timer-state';

import { TimerControls } from './timer-controls';
import { useTimerStore } from '../stores/timer-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));
const invoke = vi.mocked(invokeRoomHub);

const running = timerState({ status: 'running', version: 5 });
const tooMany = (seconds: number) =>
  new ApiError('RATE_LIMITED', `Too many timer commands: wait ${seconds} s and try again.`, 0, {}, seconds);

function renderControls() {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(<TimerControls timer={running} disabledReason={undefined} />);
  return user;
}

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('TimerControls when the server asks to wait', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    invoke.mockReset();
    useTimerStore.getState().clear();
    useTimerStore.getState().applyTimer(running);
  });
  afterEach(() => {
    vi.useRealTimers();
    useLanguageStore.getState().setLanguage('en');
  });

  it('says so calmly, then sends the command again by itself after Retry-After', async () => {
    invoke
      .mockRejectedValueOnce(tooMany(3))
      .mockResolvedValueOnce(timerState({ status: 'paused', version: 6 }));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByTestId('busy-note')).toHaveTextContent('Lots going on — trying again in 3 s…');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await wait(2_000);
    expect(invoke).toHaveBeenCalledTimes(1);
    await wait(1_200);
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(invoke).toHaveBeenLastCalledWith('pause_timer');
    expect(useTimerStore.getState().timer?.status).toBe('paused');
    expect(screen.queryByTestId('busy-note')).not.toBeInTheDocument();
  });

  it('says it in Korean too', async () => {
    useLanguageStore.getState().setLanguage('ko');
    invoke.mockRejectedValueOnce(tooMany(3));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: '일시정지' }));
    expect(await screen.findByTestId('busy-note')).toHaveTextContent(
      '요청이 몰리고 있어요. 3초 뒤에 다시 시도합니다…',
    );
  });

  it('tries twice more at most, then says when to try again', async () => {
    invoke.mockRejectedValue(tooMany(2));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await wait(10_000);
    expect(invoke).toHaveBeenCalledTimes(3);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Too many requests right now. Please try again in 2 s.',
    );
    expect(screen.queryByTestId('busy-note')).not.toBeInTheDocument();
  });

  it('does not sit out a wait longer than 30 s: it says how long instead', async () => {
    invoke.mockRejectedValue(tooMany(40));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please try again in 40 s.');
    await wait(60_000);
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('never sends again a command the person has since replaced with another', async () => {
    invoke
      .mockRejectedValueOnce(tooMany(3))
      .mockResolvedValueOnce(timerState({ session_type: 'break', version: 6 }));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: 'Skip to the next phase' }));
    await wait(5_000);
    expect(invoke.mock.calls.map(([method]) => method)).toEqual(['pause_timer', 'skip_timer']);
    expect(screen.queryByTestId('busy-note')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('drops the retry when someone else moved the timer on in the meantime', async () => {
    invoke.mockRejectedValueOnce(tooMany(3));
    const user = renderControls();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => void useTimerStore.getState().applyTimer(timerState({ status: 'paused', version: 6 })));
    await wait(5_000);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
