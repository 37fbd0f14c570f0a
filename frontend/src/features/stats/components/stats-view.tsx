import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { Button } from '@/components/button';
import { useT } from '@/lib/i18n/translate';
import type { StatisticsPeriod } from '@/types/api';

import { DayChart } from './day-chart';
import { PeopleChart } from './people-chart';
import { PeriodPicker } from './period-picker';
import { SessionList } from './session-list';
import styles from './stats-view.module.css';
import { Summary } from './summary';
import { useStatistics, type LoadedStatistics } from '../hooks/use-statistics';
import { periodDays, sessionsInPeriod } from '../lib/days';
import { statsMessages } from '../messages';

interface StatsViewProps {
  roomId: string;
  roomName: string;
  /** Where "back to the room" goes. */
  roomHref: string;
  /** The viewer's IANA time zone: days and times are theirs. */
  timeZone: string;
  now?: () => number;
}

/** The room's statistics and history: today, this week or this month in the viewer's time zone. */
export function StatsView({ roomId, roomName, roomHref, timeZone, now = Date.now }: StatsViewProps) {
  const t = useT(statsMessages);
  const [period, setPeriod] = useState<StatisticsPeriod>('week');
  const { state, reload } = useStatistics(roomId, period, timeZone);
  const shown = state.status === 'loaded' ? state : state.status === 'loading' ? state.shown : undefined;
  useDocumentTitle(t('stats.documentTitle', { room: roomName }));

  return (
    <div className={styles.stats}>
      <Link to={roomHref} className={styles.stats__back}>
        ← {t('stats.backToRoom')}
      </Link>
      <header className={styles.stats__header}>
        <h1 className={styles.stats__title}>{t('stats.heading', { room: roomName })}</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </header>
      <p className={styles.stats__zone}>
        {shown?.timeZone === 'UTC' && timeZone !== 'UTC'
          ? t('stats.zoneUtc')
          : t('stats.zone', { zone: timeZone })}
      </p>
      <p className="visually-hidden" role="status">
        {state.status === 'loading' ? t('stats.loading') : ''}
      </p>
      {state.status === 'failed' && (
        <div className={styles.stats__problem} role="alert">
          <p>{t('stats.failed')}</p>
          <Button onClick={reload}>{t('stats.retry')}</Button>
        </div>
      )}
      {shown && <StatsBody loaded={shown} nowMs={now()} busy={state.status === 'loading'} />}
    </div>
  );
}

function StatsBody({ loaded, nowMs, busy }: { loaded: LoadedStatistics; nowMs: number; busy: boolean }) {
  const { statistics, sessions, timeZone } = loaded;
  const days = periodDays(statistics, timeZone, nowMs);
  return (
    <div className={styles.stats__body} aria-busy={busy}>
      <Summary statistics={statistics} />
      {statistics.period !== 'today' && (
        <div className={styles.stats__panel}>
          <DayChart days={days} period={statistics.period} />
        </div>
      )}
      {statistics.participants.length > 0 && (
        <div className={styles.stats__panel}>
          <PeopleChart people={statistics.participants} />
        </div>
      )}
      <div className={styles.stats__panel}>
        <SessionList
          sessions={sessionsInPeriod(sessions, statistics.since)}
          period={statistics.period}
          timeZone={timeZone}
        />
      </div>
    </div>
  );
}

function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'FocusMate';
    };
  }, [title]);
}
