import { useEffect, useId, useState } from 'react';

import { Button } from '@/components/button';
import { cx } from '@/lib/class-names';
import { useLanguageStore } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { AuditEntry } from '@/types/api';

import { listAudit } from '../api/audit';
import { describeAuditEntry, relativeTime } from '../lib/audit-text';
import { roomMessages } from '../messages';
import styles from './audit-log.module.css';

interface AuditLogProps {
  roomId: string;
  token: string;
  /** The server's clock now (ms): "5 minutes ago" is counted on it, not on this device's clock. */
  now: () => number;
  /** Show its own heading (inside the settings dialog); the members' dialog has its title instead. */
  heading?: boolean;
}

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; entries: AuditEntry[] };

/** The room's recent host actions, newest first, loaded afresh each time it is shown. */
export function AuditLog({ roomId, token, now, heading = true }: AuditLogProps) {
  const t = useT(roomMessages);
  const titleId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    listAudit(roomId, token).then(
      (entries) => current && setLoaded({ state: 'loaded', entries }),
      () => current && setLoaded({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [roomId, token, attempt]);

  const reload = () => {
    setLoaded({ state: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <section
      className={cx(styles.audit, !heading && styles['audit--bare'])}
      aria-labelledby={heading ? titleId : undefined}
      aria-busy={loaded.state === 'loading'}
    >
      {heading && (
        <h3 id={titleId} className={styles.audit__title}>
          {t('audit.title')}
        </h3>
      )}
      {loaded.state === 'loading' && (
        <p className={styles.audit__note} role="status">
          {t('audit.loading')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <div className={cx(styles.audit__note, styles['audit__note--problem'])} role="alert">
          <p>{t('audit.failed')}</p>
          <Button variant="secondary" onClick={reload}>
            {t('audit.retry')}
          </Button>
        </div>
      )}
      {loaded.state === 'loaded' && <AuditEntries entries={loaded.entries} nowMs={now()} />}
    </section>
  );
}

function AuditEntries({ entries, nowMs }: { entries: AuditEntry[]; nowMs: number }) {
  const t = useT(roomMessages);
  const language = useLanguageStore((s) => s.language);
  if (entries.length === 0) return <p className={styles.audit__note}>{t('audit.empty')}</p>;
  return (
    <ol className={styles.audit__list} aria-label={t('audit.title')}>
      {entries.map((entry) => {
        const { summary, details } = describeAuditEntry(entry, t);
        const at = Date.parse(entry.at);
        return (
          <li key={entry.entry_id} className={styles.audit__entry}>
            <div className={styles.audit__head}>
              <p className={styles.audit__summary}>{summary}</p>
              <time
                className={styles.audit__time}
                dateTime={entry.at}
                title={new Date(at).toLocaleString(language)}
              >
                {relativeTime(at, nowMs, language)}
              </time>
            </div>
            {details.length > 0 && (
              <ul className={styles.audit__details}>
                {details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
