// Choosing what to start: the host (or everyone, when allowed) starts focus, a short or a long break from
// the idle or completed state, not only the phase that is next.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { invokeRoomHub } from '@/lib/hub';
import { timerState } from '@/testing/timer-state';

import { TimerControls } from './timer-controls';
import { useTimerStore } from '../stores/timer-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));
const invoke = vi.mocked(invokeRoomHub);

describe('TimerControls: choose what to start', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue(timerState({ status: 'running', version: 99 }));
    useTimerStore.getState().clear();
  });

  it('offers the three phases with the next one chosen', () => {
    render(<TimerControls timer={timerState()} disabledReason={undefined} />);
    const picker = screen.getByRole('group', { name: 'Phase to start' });
    expect(picker).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Focus (next)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Short break' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Long break' })).not.toBeChecked();
  });

  it('starts a long break from idle when chosen', async () => {
    render(<TimerControls timer={timerState()} disabledReason={undefined} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Long break' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start Long break' }));
    expect(invoke).toHaveBeenCalledWith('start_timer', 'long_break');
  });

  it('starts focus instead of the break that is next after a completed phase', async () => {
    const completed = timerState({ status: 'completed', session_type: 'break', version: 4 });
    render(<TimerControls timer={completed} disabledReason={undefined} />);
    expect(screen.getByRole('radio', { name: 'Short break (next)' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Focus' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start Focus' }));
    expect(invoke).toHaveBeenCalledWith('start_timer', 'work');
  });

  it('sends null for the next phase, chosen back by keyboard, and starts it with the space bar', async () => {
    render(<TimerControls timer={timerState()} disabledReason={undefined} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Short break' }));
    // Arrow keys move within the radio group, as in any radio group.
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: 'Focus (next)' })).toBeChecked();
    await userEvent.click(document.body);
    await userEvent.keyboard(' ');
    expect(invoke).toHaveBeenCalledWith('start_timer', null);
  });

  it('goes back to the next phase when the timer changes meanwhile', async () => {
    const { rerender } = render(
      <TimerControls timer={timerState({ version: 1 })} disabledReason={undefined} />,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Long break' }));
    rerender(<TimerControls timer={timerState({ version: 2 })} disabledReason={undefined} />);
    expect(screen.getByRole('radio', { name: 'Focus (next)' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Start Focus' })).toBeInTheDocument();
  });

  it('is not offered while a phase runs or is paused', () => {
    const { rerender } = render(
      <TimerControls timer={timerState({ status: 'running' })} disabledReason={undefined} />,
    );
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    rerender(<TimerControls timer={timerState({ status: 'paused' })} disabledReason={undefined} />);
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('is disabled with the reason for someone who may not control the timer', () => {
    const reason = 'Only the host can control the timer in this room.';
    render(<TimerControls timer={timerState()} disabledReason={reason} />);
    expect(screen.getByRole('group', { name: 'Phase to start' })).toHaveAccessibleDescription(reason);
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
  });
});
