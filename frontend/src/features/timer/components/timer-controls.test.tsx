import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import { timerState } from '@/testing/timer-state';

import { TimerControls } from './timer-controls';
import { useTimerStore } from '../stores/timer-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));
const invoke = vi.mocked(invokeRoomHub);

describe('TimerControls', () => {
  beforeEach(() => {
    invoke.mockReset();
    useTimerStore.getState().clear();
  });

  it('starts the next phase with an explicit null argument', async () => {
    invoke.mockResolvedValue(timerState({ status: 'running', version: 2 }));
    render(<TimerControls timer={timerState()} disabledReason={undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start Focus' }));
    expect(invoke).toHaveBeenCalledWith('start_timer', null);
    expect(useTimerStore.getState().timer?.status).toBe('running');
  });

  it('asks before resetting, and sends nothing when cancelled', async () => {
    invoke.mockResolvedValue(timerState({ version: 9 }));
    render(<TimerControls timer={timerState({ status: 'running' })} disabledReason={undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reset the timer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(invoke).not.toHaveBeenCalled();

    await userEvent.keyboard('r');
    expect(screen.getByRole('alertdialog', { name: 'Reset the timer?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(invoke).toHaveBeenCalledWith('reset_timer');
  });

  it('pauses with the space bar and skips with S', async () => {
    invoke.mockResolvedValue(timerState({ version: 3 }));
    render(<TimerControls timer={timerState({ status: 'running' })} disabledReason={undefined} />);
    await userEvent.keyboard(' ');
    expect(invoke).toHaveBeenLastCalledWith('pause_timer');
    await userEvent.keyboard('s');
    expect(invoke).toHaveBeenLastCalledWith('skip_timer');
  });

  it('shows a refused command’s reason', async () => {
    invoke.mockRejectedValue(new ApiError('TIMER_NOT_RUNNING', 'The timer is not running.', 0));
    render(<TimerControls timer={timerState({ status: 'paused' })} disabledReason={undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The timer is not running.');
  });

  it('is disabled with the reason for someone who may not control it, shortcuts included', async () => {
    const reason = 'Only the host can control the timer in this room.';
    render(<TimerControls timer={timerState({ status: 'running' })} disabledReason={reason} />);
    for (const name of ['Pause', 'Reset the timer', 'Skip to the next phase']) {
      const button = screen.getByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
    await userEvent.keyboard(' s');
    expect(invoke).not.toHaveBeenCalled();
  });
});
