import { lazy, Suspense, useId, type ComponentType } from 'react';

import { useLanguage } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { StatisticsPeriod } from '@/types/api';

import styles from './day-chart.module.css';
import { dayLabel, fullDate, type DayBar, type DayBarsProps } from '../lib/day-bars';
import type { DayFocus } from '../lib/days';
import { toMinutes } from '../lib/format';
import { statsMessages } from '../messages';

interface DayChartProps {
  days: DayFocus[];
  period: StatisticsPeriod;
}

// Fetched as soon as this page's code runs, in parallel with the statistics, not when the first chart shows.
// Without it (a failed download) the figure keeps its title and its table.
const noBars: ComponentType<DayBarsProps> = () => null;
const dayBars: Promise<{ default: ComponentType<DayBarsProps> }> = import('./day-bars').catch(() => ({
  default: noBars,
}));
const DayBars = lazy(() => dayBars);

/**
 * Focus minutes per day as a bar chart (recharts), with the same numbers in a table for screen readers:
 * the picture is hidden from them, the table is hidden from the eye.
 */
export function DayChart({ days, period }: DayChartProps) {
  const t = useT(statsMessages);
  const language = useLanguage();
  const captionId = useId();
  const bars: DayBar[] = days.map((day) => ({
    date: day.date,
    label: dayLabel(day.date, period, language),
    minutes: day.future ? null : toMinutes(day.focusSeconds),
  }));
  return (
    <figure className={styles.chart} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.chart__title}>
        {t('stats.byDay')}
      </figcaption>
      <div className={styles.chart__plot} aria-hidden="true" data-testid="day-chart">
        <Suspense fallback={null}>
          <DayBars bars={bars} period={period} />
        </Suspense>
      </div>
      <DayTable days={days} />
    </figure>
  );
}

/** The chart's numbers for screen readers: one row per day so far. */
function DayTable({ days }: { days: DayFocus[] }) {
  const t = useT(statsMessages);
  const language = useLanguage();
  // Hidden by a wrapper: a table keeps the width of its content, whatever its own width says.
  return (
    <div className="visually-hidden">
      <table>
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
    </div>
  );
}
