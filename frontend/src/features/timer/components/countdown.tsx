import { useT } from '@/lib/i18n';
import type { SessionType } from '@/types/api';

import { formatClock } from '../lib/countdown';

interface CountdownProps {
  seconds: number;
  phase: SessionType;
}

/** The big clock. Not a live region: a screen reader would otherwise read every second. */
export function Countdown({ seconds, phase }: CountdownProps) {
  const t = useT();
  const time = formatClock(seconds);
  return (
    <div
      className="countdown"
      role="timer"
      aria-live="off"
      aria-label={t('timer.label', { phase: t(`phase.${phase}`), time })}
      data-seconds={seconds}
    >
      {time}
    </div>
  );
}
