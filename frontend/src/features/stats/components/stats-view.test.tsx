import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { useLanguageStore } from '@/lib/i18n/language';
import type { Session, Statistics } from '@/types/api';

import { StatsView } from './stats-view';
import { getStatistics, listSessions } from '../api/statistics';

vi.mock('../api/statistics', () => ({ getStatistics: vi.fn(), listSessions: vi.fn(), sessionsLimit: 500 }));

const zone = 'Asia/Seoul';
/** Tuesday 3 March 2026, noon in Seoul. */
const now = Date.parse('2026-03-03T03:00:00.000Z');

const week: Statistics = {
  period: 'week',
  tz: zone,
  since: '2026-03-01T15:00:00.000Z',
  completed_sessions: 3,
  total_focus_time_seconds: 4_800,
  average_session_duration: 1_500,
  completion_rate: 0.75,
  days: [
    { date: '2026-03-02', focus_seconds: 1_500 },
    { date: '2026-03-03', focus_seconds: 300 },
  ],
  participants: [],
};

/** Local midnight, Monday and the 1st, in Seoul. */
const since = {
  today: '2026-03-02T15:00:00.000Z',
  week: '2026-03-01T15:00:00.000Z',
  month: '2026-02-28T15:00:00.000Z',
};

const session = (id: string, overrides: Partial<Session>): Session => ({
  session_id: id,
  session_type: 'work',
  started_at: '2026-03-02T01:00:00.000Z',
  ended_at: '2026-03-02T01:25:00.000Z',
  planned_seconds: 1500,
  actual_seconds: 1500,
  outcome: 'completed',
  ...overrides,
});

const sessions = [
  session('s4', {
    started_at: '2026-03-03T01:00:00.000Z',
    ended_at: '2026-03-03T01:05:00.000Z',
    actual_seconds: 300,
    outcome: 'skipped',
  }),
  session('s3', {
    session_type: 'break',
    started_at: '2026-03-02T01:25:00.000Z',
    ended_at: '2026-03-02T01:30:00.000Z',
    planned_seconds: 300,
    actual_seconds: 300,
  }),
  session('s2', {}),
  session('s1', { started_at: '2026-02-27T01:00:00.000Z', ended_at: '2026-02-27T01:25:00.000Z' }),
];

function renderStats() {
  render(
    <MemoryRouter>
      <StatsView roomId="room-1" roomName="team" roomHref="/room/room-1" timeZone={zone} now={() => now} />
    </MemoryRouter>,
  );
}

describe('StatsView', () => {
  beforeEach(() => {
    vi.mocked(getStatistics)
      .mockReset()
      .mockImplementation((_room, period) => Promise.resolve({ ...week, period, since: since[period] }));
    vi.mocked(listSessions).mockReset().mockResolvedValue(sessions);
  });
  afterEach(() => useLanguageStore.getState().setLanguage('en'));

  it('asks for this week in the viewer’s zone and shows the four figures', async () => {
    renderStats();
    expect(await screen.findByTestId('stats.focusTime')).toHaveTextContent('1 h 20 min');
    expect(getStatistics).toHaveBeenCalledWith('room-1', 'week', zone);
    expect(screen.getByTestId('stats.completedSessions')).toHaveTextContent('3');
    expect(screen.getByTestId('stats.completionRate')).toHaveTextContent('75%');
    expect(screen.getByTestId('stats.averageSession')).toHaveTextContent('25 min');
    expect(screen.getByRole('heading', { level: 1, name: 'Statistics of team' })).toBeInTheDocument();
    expect(document.title).toBe('Statistics · team — FocusMate');
  });

  it('draws focus per day, counted from the sessions in the viewer’s zone, with a table for screen readers', async () => {
    renderStats();
    const chart = await screen.findByRole('figure', { name: 'Focus minutes per day' });
    const table = within(chart).getByRole('table', { name: 'Focus minutes per day' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Monday and Tuesday so far: 25 minutes on Monday, 5 on Tuesday; Wednesday on are still to come.
    expect(rows.map((row) => row.textContent)).toEqual(['Monday, March 225', 'Tuesday, March 35']);
  });

  it('lists the period’s sessions, newest first, with how each ended', async () => {
    renderStats();
    const list = await screen.findByRole('region', { name: 'Recent sessions' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Focus');
    expect(items[0]).toHaveTextContent('5 min of 25 min');
    expect(items[0]).toHaveTextContent('Skipped');
    expect(items[1]).toHaveTextContent('Short break');
    expect(items[2]).toHaveTextContent('Completed');
    expect(within(list).getByText('3 sessions in this period')).toBeInTheDocument();
  });

  it('switches to today (no chart) and this month', async () => {
    renderStats();
    await screen.findByRole('figure');
    await userEvent.click(screen.getByRole('radio', { name: 'Today' }));
    await screen.findByText('1 session in this period');
    expect(getStatistics).toHaveBeenLastCalledWith('room-1', 'today', zone);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'This month' }));
    expect(getStatistics).toHaveBeenLastCalledWith('room-1', 'month', zone);
  });

  it('shows focus per person when the server sends it, most first', async () => {
    vi.mocked(getStatistics).mockResolvedValue({
      ...week,
      participants: [
        { participant_id: 'a', user_name: 'Ana', focus_seconds: 1_500 },
        { participant_id: 'b', user_name: '<b>Ben</b>', focus_seconds: 3_300 },
      ],
    });
    renderStats();
    const people = await screen.findByRole('region', { name: 'Focus per person' });
    const rows = within(people).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('<b>Ben</b>55 min');
    expect(rows[1]).toHaveTextContent('Ana25 min');
  });

  it('uses the server’s days when it sends them', async () => {
    vi.mocked(getStatistics).mockResolvedValue({
      ...week,
      days: [{ date: '2026-03-02', focus_seconds: 6_000 }],
    });
    renderStats();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('100');
  });

  it('counts in UTC when the server does not know the zone, and says so', async () => {
    vi.mocked(getStatistics)
      .mockRejectedValueOnce(new ApiError('VALIDATION_ERROR', 'Unknown zone.', 422))
      .mockResolvedValue({ ...week, tz: 'UTC' });
    renderStats();
    expect(await screen.findByText(/days and times in UTC/)).toBeInTheDocument();
    expect(getStatistics).toHaveBeenLastCalledWith('room-1', 'week', undefined);
  });

  it('says when it cannot load, and loads again on request', async () => {
    vi.mocked(getStatistics).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'down', 0));
    renderStats();
    expect(await screen.findByRole('alert')).toHaveTextContent('The statistics could not be loaded.');
    await userEvent.click(screen.getByRole('button', { name: 'Load again' }));
    expect(await screen.findByTestId('stats.focusTime')).toHaveTextContent('1 h 20 min');
  });

  it('speaks Korean', async () => {
    useLanguageStore.getState().setLanguage('ko');
    renderStats();
    expect(await screen.findByTestId('stats.focusTime')).toHaveTextContent('1시간 20분');
    expect(screen.getByText('이 기간의 세션 3개')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '이번 주' })).toBeChecked();
  });
});
