import { memo, useState } from 'react';

import { useT } from '@/lib/i18n/translate';
import type { TimerState } from '@/types/api';

import { useCountdownSeconds } from '../hooks/use-countdown';
import { useTabTitle } from '../hooks/use-tab-title';
import { formatClock } from '../lib/countdown';
import { nextSpoken, type Spoken } from '../lib/spoken-countdown';
import { timerMessages } from '../messages';
import styles from './countdown.module.css';

interface CountdownProps {
  timer: TimerState;
  offsetMs: number;
}

/**
 * The big clock, and the tab title. It is the only part of the page that re-renders every second,
 * so each flip costs as little as possible and browsers in a room flip together. Not a live region:
 * a screen reader would otherwise read every second; a quiet one beside it says the phase and the
 * minutes left now and then (see spoken-countdown.ts).
 */
export const Countdown = memo(function Countdown({ timer, offsetMs }: CountdownProps) {
  const t = useT(timerMessages);
  const seconds = useCountdownSeconds(timer, offsetMs);
  useTabTitle(seconds, timer.session_type);
  const time = formatClock(seconds);
  return (
    <>
      <div
        className={styles.countdown}
        role="timer"
        aria-live="off"
        aria-label={t('timer.label', { phase: t(`phase.${timer.session_type}`), time })}
        data-seconds={seconds}
      >
        {time}
      </div>
      <SpokenCountdown timer={timer} seconds={seconds} />
    </>
  );
});

/** A polite live region whose text changes only when there is something worth saying. */
function SpokenCountdown({ timer, seconds }: { timer: TimerState; seconds: number }) {
  const t = useT(timerMessages);
  const [spoken, setSpoken] = useState<Spoken>();
  const next = nextSpoken(spoken, timer, seconds);
  if (next !== spoken) setSpoken(next);
  const phase = t(`phase.${timer.session_type}`);
  const time = t('spoken.time', { count: next.minutes });
  return (
    <p
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="spoken-countdown"
    >
      {t(next.key, { phase, time })}
    </p>
  );
}
