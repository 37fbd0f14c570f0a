import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getRoom } from '@/features/room/api/rooms';
import { getStatistics, listSessions } from '@/features/stats/api/statistics';
import { ApiError } from '@/lib/api-client';
import { timerState } from '@/testing/timer-state';
import type { Room } from '@/types/api';

import { Component as RoomStatsPage } from './room-stats';

vi.mock('@/features/room/api/rooms', () => ({ getRoom: vi.fn() }));
vi.mock('@/features/stats/api/statistics', () => ({
  getStatistics: vi.fn(),
  listSessions: vi.fn(),
  sessionsLimit: 500,
}));

function openStats() {
  const router = createMemoryRouter(
    [
      { path: '/room/:roomId/stats', element: <RoomStatsPage /> },
      { path: '/room/:roomId', element: <p>The room</p> },
    ],
    { initialEntries: ['/room/room-1/stats'] },
  );
  render(<RouterProvider router={router} />);
}

describe('the statistics page', () => {
  beforeEach(() => {
    vi.mocked(getRoom).mockResolvedValue({
      room_id: 'room-1',
      room_name: 'team',
      timer_state: timerState(),
    } as Room);
    vi.mocked(getStatistics).mockResolvedValue({
      period: 'week',
      tz: 'UTC',
      since: new Date().toISOString(),
      completed_sessions: 0,
      total_focus_time_seconds: 0,
      average_session_duration: 0,
      completion_rate: 0,
      days: [],
      participants: [],
    });
    vi.mocked(listSessions).mockResolvedValue([]);
  });

  it('names the room, counts in the viewer’s zone, and leads back to the room', async () => {
    openStats();
    expect(await screen.findByRole('heading', { name: 'Statistics of team' })).toBeInTheDocument();
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(getStatistics).toHaveBeenCalledWith('room-1', 'week', zone);
    expect(screen.getByRole('link', { name: '← Back to the room' })).toHaveAttribute('href', '/room/room-1');
  });

  it('says so when the room does not exist', async () => {
    vi.mocked(getRoom).mockRejectedValue(new ApiError('ROOM_NOT_FOUND', 'No room.', 404));
    openStats();
    expect(await screen.findByRole('heading', { name: 'Room not found' })).toBeInTheDocument();
  });

  it('offers to try again when the server cannot be reached', async () => {
    vi.mocked(getRoom).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'down', 0));
    openStats();
    expect(await screen.findByRole('heading', { name: 'FocusMate is not reachable' })).toBeInTheDocument();
    screen.getByRole('button', { name: 'Try again' }).click();
    expect(await screen.findByRole('heading', { name: 'Statistics of team' })).toBeInTheDocument();
  });
});
