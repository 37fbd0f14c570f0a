import { useId, useState } from 'react';

import { Button } from '@/components/button';
import { cx } from '@/lib/class-names';
import { useLanguage } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { Session, StatisticsPeriod } from '@/types/api';

import styles from './session-list.module.css';
import { formatDuration } from '../lib/format';
import { statsMessages } from '../messages';

interface SessionListProps {
  /** The period's sessions, newest first. */
  sessions: Session[];
  period: StatisticsPeriod;
  timeZone: string;
}

/** How many show before "Show all". */
const firstShown = 12;

/** The period's finished phases, newest first: which phase, when, how long, and how it ended. */
export function SessionList({ sessions, period, timeZone }: SessionListProps) {
  const t = useT(statsMessages);
  const titleId = useId();
  const [all, setAll] = useState(false);
  const shown = all ? sessions : sessions.slice(0, firstShown);
  return (
    <section className={styles.sessions} aria-labelledby={titleId}>
      <div className={styles.sessions__header}>
        <h2 id={titleId} className={styles.sessions__title}>
          {t('stats.sessions')}
        </h2>
        {sessions.length > 0 && (
          <span className={styles.sessions__count}>
            {t('stats.sessions.count', { count: sessions.length })}
          </span>
        )}
      </div>
      {sessions.length === 0 ? (
        <p className={styles.sessions__empty}>{t('stats.sessions.empty')}</p>
      ) : (
        <ol className={styles.sessions__list}>
          {shown.map((session) => (
            <SessionRow key={session.session_id} session={session} period={period} timeZone={timeZone} />
          ))}
        </ol>
      )}
      {!all && sessions.length > firstShown && (
        <Button variant="secondary" onClick={() => setAll(true)}>
          {t('stats.sessions.more', { count: sessions.length })}
        </Button>
      )}
    </section>
  );
}

function SessionRow({
  session,
  period,
  timeZone,
}: {
  session: Session;
  period: StatisticsPeriod;
  timeZone: string;
}) {
  const t = useT(statsMessages);
  const language = useLanguage();
  const when = new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(period === 'today' ? {} : { month: 'short', day: 'numeric' }),
  });
  const actual = formatDuration(session.actual_seconds, t);
  const length =
    session.outcome === 'completed'
      ? actual
      : t('stats.sessions.partial', { actual, planned: formatDuration(session.planned_seconds, t) });
  return (
    <li className={cx(styles.session, styles[`session--${session.session_type}`])}>
      <span className={styles.session__phase}>{t(`phase.${session.session_type}`)}</span>
      <time className={styles.session__time} dateTime={session.ended_at}>
        {when.format(Date.parse(session.started_at))}
      </time>
      <span className={styles.session__length}>{length}</span>
      <span className={cx(styles.session__outcome, styles[`session__outcome--${session.outcome}`])}>
        {t(`stats.outcome.${session.outcome}`)}
      </span>
    </li>
  );
}
