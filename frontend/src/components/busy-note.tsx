import { useEffect, useState } from 'react';

import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import styles from './busy-note.module.css';
import { componentMessages } from './messages';

interface BusyNoteProps {
  /** When the app tries again by itself (local clock, ms). */
  retryAt: number;
  className?: string;
}

/**
 * Says calmly that the server asked us to wait and that the app will try again by itself. The seconds
 * count down on screen; screen readers hear the sentence once, not every second.
 */
export function BusyNote(props: BusyNoteProps) {
  // A new wait is a new sentence to announce.
  return <Note key={props.retryAt} {...props} />;
}

function Note({ retryAt, className }: BusyNoteProps) {
  const t = useT(componentMessages);
  const [announced] = useState(() => secondsUntil(retryAt, Date.now()));
  const seconds = useSecondsUntil(retryAt);
  const text = (s: number) => (s > 0 ? t('busy.retryIn', { seconds: s }) : t('busy.retrying'));
  return (
    <p className={cx(styles['busy-note'], className)} role="status" data-testid="busy-note">
      <span aria-hidden="true">{text(seconds)}</span>
      <span className="visually-hidden">{text(announced)}</span>
    </p>
  );
}

const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));

function useSecondsUntil(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return secondsUntil(at, now);
}
