// The focus-per-day chart's data: a bar per day of the period and how its day is named.
import type { Language } from '@/lib/i18n/language';
import type { StatisticsPeriod } from '@/types/api';

/** One bar: the day, its axis label, its focus minutes (null for a day still to come). */
export interface DayBar {
  date: string;
  label: string;
  minutes: number | null;
}

export interface DayBarsProps {
  bars: DayBar[];
  period: StatisticsPeriod;
}

/** Noon UTC of a calendar date: the same date in any zone, for naming it. */
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

/** The axis names a week's days by weekday ("Mon") and a month's by number ("7"). */
export function dayLabel(date: string, period: StatisticsPeriod, language: Language): string {
  const options: Intl.DateTimeFormatOptions =
    period === 'week' ? { weekday: 'short', timeZone: 'UTC' } : { day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(noonOf(date));
}

/** "Monday, March 2": a day in full, for the tooltip and the table. */
export function fullDate(date: string, language: Language): string {
  const options = { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
  return new Intl.DateTimeFormat(language, options).format(noonOf(date));
}
