// Focus per day in the viewer's time zone, as the server counted it (work phases, by the day they ended).
import type { Session, Statistics, StatisticsPeriod } from '@/types/api';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

export interface DayFocus {
  date: CalendarDate;
  focusSeconds: number;
  /** Still to come in the period (shown empty). */
  future: boolean;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone. */
export function localDate(instantMs: number, timeZone: string): CalendarDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instantMs);
}

/** The date `count` days after `date` (calendar arithmetic, no time zone involved). */
export function addDays(date: CalendarDate, count: number): CalendarDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + count)).toISOString().slice(0, 10);
}

/** How many days the period has from its first one: a week has 7, a month as many as it has. */
export function periodLength(period: StatisticsPeriod, first: CalendarDate): number {
  if (period === 'today') return 1;
  if (period === 'week') return 7;
  const [year = 0, month = 1] = first.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Every day of the period with its focus, from the server's `days` (which end today): the days still to
 * come are added, empty. The period starts at the statistics' `since` (local midnight, Monday or the 1st).
 */
export function periodDays(statistics: Statistics, timeZone: string, nowMs: number): DayFocus[] {
  const first = localDate(Date.parse(statistics.since), timeZone);
  const today = localDate(nowMs, timeZone);
  const totals = new Map(statistics.days.map((day) => [day.date, day.focus_seconds]));
  return Array.from({ length: periodLength(statistics.period, first) }, (_, i) => {
    const date = addDays(first, i);
    return { date, focusSeconds: totals.get(date) ?? 0, future: date > today };
  });
}

/** Sessions that ended in the period (at or after `since`), newest first as given. */
export function sessionsInPeriod(sessions: readonly Session[], since: string): Session[] {
  const from = Date.parse(since);
  return sessions.filter((session) => Date.parse(session.ended_at) >= from);
}
