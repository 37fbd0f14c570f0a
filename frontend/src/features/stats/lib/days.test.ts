import { describe, expect, it } from 'vitest';

import type { Session, Statistics } from '@/types/api';

import { addDays, localDate, periodDays, periodLength, sessionsInPeriod } from './days';

const session = (overrides: Partial<Session>): Session => ({
  session_id: 's',
  session_type: 'work',
  started_at: '2026-03-02T00:00:00.000Z',
  ended_at: '2026-03-02T00:25:00.000Z',
  planned_seconds: 1500,
  actual_seconds: 1500,
  outcome: 'completed',
  ...overrides,
});

const statistics = (overrides: Partial<Statistics>): Statistics => ({
  period: 'week',
  tz: 'Asia/Seoul',
  since: '2026-03-01T15:00:00.000Z', // Monday 2 March, 00:00 in Seoul
  completed_sessions: 0,
  total_focus_time_seconds: 0,
  average_session_duration: 0,
  completion_rate: 0,
  days: [],
  participants: [],
  ...overrides,
});

describe('days in the viewer’s zone', () => {
  it('dates an instant in the zone, not in UTC', () => {
    const instant = Date.parse('2026-03-01T16:30:00.000Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'Asia/Seoul')).toBe('2026-03-02');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-03-01');
  });

  it('counts calendar days across months and leap years', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(periodLength('month', '2028-02-01')).toBe(29);
    expect(periodLength('month', '2026-03-01')).toBe(31);
    expect(periodLength('week', '2026-03-02')).toBe(7);
    expect(periodLength('today', '2026-03-02')).toBe(1);
  });

  it('gives every day of the week from Monday, with days to come marked', () => {
    const now = Date.parse('2026-03-03T03:00:00.000Z'); // Tuesday noon in Seoul
    const days = periodDays(
      statistics({ days: [{ date: '2026-03-02', focus_seconds: 1200 }] }),
      'Asia/Seoul',
      now,
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(days[0]).toEqual({ date: '2026-03-02', focusSeconds: 1200, future: false });
    expect(days.filter((d) => d.future)).toHaveLength(5);
  });

  it('takes each day’s focus from the server’s days (a day it does not list has none)', () => {
    const now = Date.parse('2026-03-03T03:00:00.000Z');
    const days = periodDays(
      statistics({ days: [{ date: '2026-03-03', focus_seconds: 3000 }] }),
      'Asia/Seoul',
      now,
    );
    expect(days[0]).toEqual({ date: '2026-03-02', focusSeconds: 0, future: false });
    expect(days[1]).toEqual({ date: '2026-03-03', focusSeconds: 3000, future: false });
  });

  it('gives a month every one of its days, in the viewer’s zone', () => {
    const now = Date.parse('2026-02-10T03:00:00.000Z');
    const days = periodDays(
      statistics({ period: 'month', since: '2026-01-31T15:00:00.000Z', days: [] }),
      'Asia/Seoul',
      now,
    );
    expect(days).toHaveLength(28);
    expect(days[0]?.date).toBe('2026-02-01');
    expect(days.filter((d) => !d.future)).toHaveLength(10);
  });

  it('keeps the sessions that ended in the period', () => {
    const inside = session({ session_id: 'in', ended_at: '2026-03-01T15:00:00.000Z' });
    const before = session({ session_id: 'out', ended_at: '2026-03-01T14:59:59.999Z' });
    expect(sessionsInPeriod([inside, before], '2026-03-01T15:00:00.000Z')).toEqual([inside]);
  });
});
