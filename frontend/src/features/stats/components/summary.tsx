import { useLanguage } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { Statistics } from '@/types/api';

import styles from './summary.module.css';
import { formatDuration, formatPercent } from '../lib/format';
import { statsMessages } from '../messages';

/** The period in four figures: focus time, completed sessions, completion rate, average session. */
export function Summary({ statistics }: { statistics: Statistics }) {
  const t = useT(statsMessages);
  const language = useLanguage();
  const figures = [
    ['stats.focusTime', formatDuration(statistics.total_focus_time_seconds, t)],
    ['stats.completedSessions', new Intl.NumberFormat(language).format(statistics.completed_sessions)],
    ['stats.completionRate', formatPercent(statistics.completion_rate, language)],
    ['stats.averageSession', formatDuration(statistics.average_session_duration, t)],
  ] as const;
  return (
    <section aria-labelledby="stats-summary">
      <h2 id="stats-summary" className="visually-hidden">
        {t('stats.summary')}
      </h2>
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt className={styles.figure__label}>{t(label)}</dt>
            <dd className={styles.figure__value} data-testid={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
