import { memo } from 'react';

import { useT } from '@/lib/i18n/translate';
import type { TimerState } from '@/types/api';

import { useCountdownSeconds } from '../hooks/use-countdown';
import { useTabTitle } from '../hooks/use-tab-title';
import { formatClock } from '../lib/countdown';
import { timerMessages } from '../messages';
import styles from './countdown.module.css';

interface CountdownProps {
  timer: TimerState;
  offsetMs: number;
}

/**
 * The big clock, and the tab title. It is the only part of the page that re-renders every second,
 * so each flip costs as little as possible and browsers in a room flip together. Not a live region:
 * a screen reader would otherwise read every second.
 */
export const Countdown = memo(function Countdown({ timer, offsetMs }: CountdownProps) {
  const t = useT(timerMessages);
  const seconds = useCountdownSeconds(timer, offsetMs);
  useTabTitle(seconds, timer.session_type);
  const time = formatClock(seconds);
  return (
    <div
      className={styles.countdown}
      role="timer"
      aria-live="off"
      aria-label={t('timer.label', { phase: t(`phase.${timer.session_type}`), time })}
      data-seconds={seconds}
    >
      {time}
    </div>
  );
});
