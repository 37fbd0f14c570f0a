// The bars of the focus-per-day chart: recharts, in a chunk of its own that the statistics page starts
// fetching as soon as it loads (see day-chart.tsx), so its figures and tables never wait for the library.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';

import { useLanguage } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';

import styles from './day-chart.module.css';
import { fullDate, type DayBar, type DayBarsProps } from '../lib/day-bars';
import { statsMessages } from '../messages';

export default function DayBars({ bars, period }: DayBarsProps) {
  const language = useLanguage();
  const numbers = new Intl.NumberFormat(language);
  const week = period === 'week';
  return (
    <BarChart
      responsive
      data={bars}
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 18, right: 4, bottom: 0, left: 0 }}
      accessibilityLayer={false}
      tabIndex={-1}
    >
      <CartesianGrid vertical={false} strokeDasharray="3 4" />
      {/* A month names every 7th day from the 1st; a week names every day. */}
      <XAxis dataKey="label" interval={week ? 0 : 6} tickLine={false} axisLine={false} />
      {/* Plain numbers: the caption says they are minutes. */}
      <YAxis
        allowDecimals={false}
        width={34}
        tickLine={false}
        axisLine={false}
        tickFormatter={(minutes: number) => numbers.format(minutes)}
      />
      <Tooltip
        cursor={{ className: styles.chart__cursor }}
        content={(props: TooltipContentProps) => <DayTip {...props} />}
        isAnimationActive={false}
      />
      <Bar dataKey="minutes" radius={[3, 3, 0, 0]} maxBarSize={44} isAnimationActive={false}>
        {/* A week's seven bars carry their minutes; a month's are too narrow for them (the tooltip tells). */}
        {week && (
          <LabelList
            dataKey="minutes"
            position="top"
            formatter={(minutes: unknown) => (typeof minutes === 'number' && minutes > 0 ? minutes : '')}
          />
        )}
      </Bar>
    </BarChart>
  );
}

/** The tooltip over a bar: the full date and its focus time. */
function DayTip({ active, payload }: TooltipContentProps) {
  const t = useT(statsMessages);
  const language = useLanguage();
  const bar = payload[0]?.payload as DayBar | undefined;
  if (!active || !bar || bar.minutes === null) return null;
  return (
    <div className={styles.chart__tip}>
      <strong>{fullDate(bar.date, language)}</strong>
      <span>{t('stats.duration.minutes', { minutes: bar.minutes })}</span>
    </div>
  );
}
