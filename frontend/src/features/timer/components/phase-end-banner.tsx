import { iconButtonClass } from '@/components/button-class';
import { CloseIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { phaseEndMessage } from '../lib/phase-end-alert';
import { timerMessages } from '../messages';
import styles from './phase-end-banner.module.css';
import { useTimerStore } from '../stores/timer-store';

export function PhaseEndBanner() {
  const t = useT(timerMessages);
  const phaseEnd = useTimerStore((s) => s.phaseEnd);
  const dismiss = useTimerStore((s) => s.dismissPhaseEnd);
  return (
    <div role="status" aria-live="polite">
      {phaseEnd && (
        <div
          key={phaseEnd.id}
          className={cx(styles.banner, styles[`banner--${phaseEnd.completed_session_type}`])}
        >
          <p className={styles.banner__text}>{t(phaseEndMessage(phaseEnd.completed_session_type))}</p>
          <button
            type="button"
            className={iconButtonClass()}
            onClick={dismiss}
            aria-label={t('phaseEnd.dismiss')}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
