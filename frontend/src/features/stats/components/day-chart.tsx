import { useId } from 'react';

import { cx } from '@/lib/class-names';
import { useLanguage, type Language } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { StatisticsPeriod } from '@/types/api';

import styles from './day-chart.module.css';
import type { DayFocus } from '../lib/days';
import { scaleTop, toMinutes } from '../lib/format';
import { statsMessages } from '../messages';

interface DayChartProps {
  days: DayFocus[];
  period: StatisticsPeriod;
  /** Set when the days were counted here from a limited history: how many sessions it held. */
  fromHistory: number | undefined;
}

/** Noon UTC of a calendar date: the same date in any zone, for naming it. */
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

function dayLabel(date: string, period: StatisticsPeriod, language: Language): string {
  const options: Intl.DateTimeFormatOptions =
    period === 'week' ? { weekday: 'short', timeZone: 'UTC' } : { day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(noonOf(date));
}

function fullDate(date: string, language: Language): string {
  const options = { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
  return new Intl.DateTimeFormat(language, options).format(noonOf(date));
}

/** A month's axis names every 7th day from the 1st; a week's names every day. */
const labelled = (period: StatisticsPeriod, index: number) => period === 'week' || index % 7 === 0;

/**
 * Focus minutes per day as bars (plain SVG), with the same numbers in a table for screen readers: the
 * picture is hidden from them, the table is hidden from the eye.
 */
export function DayChart({ days, period, fromHistory }: DayChartProps) {
  const t = useT(statsMessages);
  const language = useLanguage();
  const captionId = useId();
  const top = scaleTop(Math.max(0, ...days.map((day) => toMinutes(day.focusSeconds))));
  const slot = 100 / days.length;
  return (
    <figure className={styles.chart} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.chart__title}>
        {t('stats.byDay')}
      </figcaption>
      <div className={styles.chart__plot} aria-hidden="true">
        <span className={styles.chart__scale}>{t('stats.byDay.scale', { minutes: top })}</span>
        <svg className={styles.chart__svg} width="100%" height="100%" focusable="false">
          <line className={styles.chart__grid} x1="0" x2="100%" y1="1" y2="1" />
          <line className={styles.chart__grid} x1="0" x2="100%" y1="50%" y2="50%" />
          {days.map((day, i) => {
            const height = Math.max(
              day.focusSeconds > 0 ? 1.5 : 0,
              (toMinutes(day.focusSeconds) / top) * 100,
            );
            return (
              <rect
                key={day.date}
                className={cx(styles.chart__bar, day.future && styles['chart__bar--future'])}
                x={`${(i + 0.18) * slot}%`}
                width={`${slot * 0.64}%`}
                y={`${100 - height}%`}
                height={`${height}%`}
                rx="3"
              />
            );
          })}
        </svg>
      </div>
      <ol className={styles.chart__axis} aria-hidden="true">
        {days.map((day, i) => (
          <li key={day.date} className={cx(day.future && styles['chart__label--future'])}>
            {labelled(period, i) ? dayLabel(day.date, period, language) : ''}
          </li>
        ))}
      </ol>
      {fromHistory !== undefined && (
        <p className={styles.chart__note}>{t('stats.byDay.fromHistory', { count: fromHistory })}</p>
      )}
      <DayTable days={days} />
    </figure>
  );
}

/** The chart's numbers for screen readers: one row per day so far. */
function DayTable({ days }: { days: DayFocus[] }) {
  const t = useT(statsMessages);
  const language = useLanguage();
  return (
    <table className="visually-hidden">
      <caption>{t('stats.byDay')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.byDay.day')}</th>
          <th scope="col">{t('stats.byDay.minutes')}</th>
        </tr>
      </thead>
      <tbody>
        {days
          .filter((day) => !day.future)
          .map((day) => (
            <tr key={day.date}>
              <th scope="row">{fullDate(day.date, language)}</th>
              <td>{toMinutes(day.focusSeconds)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
