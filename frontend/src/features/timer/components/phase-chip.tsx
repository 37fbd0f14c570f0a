import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { timerMessages } from '../messages';
import styles from './phase-chip.module.css';
import { useTimerStore } from '../stores/timer-store';

/** The room's phase and state in a few words ("Focus · In progress"), for places away from the clock. */
export function PhaseChip() {
  const t = useT(timerMessages);
  const timer = useTimerStore((s) => s.timer);
  if (!timer) return null;
  return (
    <span
      className={cx(styles['phase-chip'], styles[`phase-chip--${timer.session_type}`])}
      data-testid="phase-chip"
    >
      <span className={styles['phase-chip__dot']} aria-hidden="true" />
      {t(`phase.${timer.session_type}`)} · {t(`timer.status.${timer.status}`)}
    </span>
  );
}
