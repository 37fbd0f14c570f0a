import { useT } from '@/lib/i18n/translate';

import { timerMessages } from '../messages';
import { useTimerStore } from '../stores/timer-store';

/** The room's phase and state in a few words ("Focus · In progress"), for places away from the clock. */
export function PhaseChip() {
  const t = useT(timerMessages);
  const timer = useTimerStore((s) => s.timer);
  if (!timer) return null;
  return (
    <span className={`phase-chip phase-chip--${timer.session_type}`} data-testid="phase-chip">
      <span className="phase-chip__dot" aria-hidden="true" />
      {t(`phase.${timer.session_type}`)} · {t(`timer.status.${timer.status}`)}
    </span>
  );
}
