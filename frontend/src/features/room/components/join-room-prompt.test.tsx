import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';

import { JoinRoomPrompt } from './join-room-prompt';
import { joinRoom } from '../api/rooms';

vi.mock('../api/rooms', () => ({ joinRoom: vi.fn() }));

const joined = { participant_id: 'p-9', user_name: 'Ben', is_host: false, token: 'tok' };

describe('JoinRoomPrompt when the server asks to wait', () => {
  beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(joinRoom).mockReset();
  });

  it('waits out a rate-limited join by itself, saying so, then joins', async () => {
    vi.mocked(joinRoom)
      .mockRejectedValueOnce(
        new ApiError('RATE_LIMITED', 'Too many joins: wait 4 s and try again.', 429, {}, 4),
      )
      .mockResolvedValueOnce(joined);
    const onJoined = vi.fn();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<JoinRoomPrompt roomId="r" roomName="team" onJoined={onJoined} onRefused={() => false} />);
    await user.type(screen.getByLabelText('What should your teammates call you?'), 'Ben');
    await user.click(screen.getByRole('button', { name: 'Join room' }));
    expect(await screen.findByTestId('busy-note')).toHaveTextContent('trying again in 4 s');
    expect(onJoined).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(4_000));
    expect(joinRoom).toHaveBeenCalledTimes(2);
    expect(onJoined).toHaveBeenCalledWith(joined);
  });

  it('after its retries says when to try again, keeping the name', async () => {
    vi.mocked(joinRoom).mockRejectedValue(new ApiError('SERVICE_BUSY', 'Busy.', 503, {}, 1));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(<JoinRoomPrompt roomId="r" roomName="team" onJoined={vi.fn()} onRefused={() => false} />);
    await user.type(screen.getByLabelText('What should your teammates call you?'), 'Ben');
    await user.click(screen.getByRole('button', { name: 'Join room' }));
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(joinRoom).toHaveBeenCalledTimes(3);
    expect(screen.getByLabelText('What should your teammates call you?')).toHaveAccessibleDescription(
      'The server is busy right now. Please try again in a moment.',
    );
    expect(screen.getByLabelText('What should your teammates call you?')).toHaveValue('Ben');
  });
});
