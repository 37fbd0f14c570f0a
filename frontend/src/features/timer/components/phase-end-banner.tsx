import { CloseIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { phaseEndMessage } from '../lib/phase-end-alert';
import { timerMessages } from '../messages';
import { useTimerStore } from '../stores/timer-store';

export function PhaseEndBanner() {
  const t = useT(timerMessages);
  const phaseEnd = useTimerStore((s) => s.phaseEnd);
  const dismiss = useTimerStore((s) => s.dismissPhaseEnd);
  return (
    <div className="banner-slot" role="status" aria-live="polite">
      {phaseEnd && (
        <div key={phaseEnd.id} className={`banner banner--${phaseEnd.completed_session_type}`}>
          <p className="banner__text">{t(phaseEndMessage(phaseEnd.completed_session_type))}</p>
          <button type="button" className="icon-button" onClick={dismiss} aria-label={t('phaseEnd.dismiss')}>
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}
