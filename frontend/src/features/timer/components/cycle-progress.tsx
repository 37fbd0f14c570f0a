import { useT } from '@/lib/i18n/translate';

import type { CycleProgress as Progress } from '../lib/countdown';
import { timerMessages } from '../messages';

/** "Cycle 2/4" with one dot per focus session until the long break. */
export function CycleProgress({ done, total }: Progress) {
  const t = useT(timerMessages);
  return (
    <div className="cycle" role="img" aria-label={t('timer.cycleLabel', { done, total })}>
      <span className="cycle__dots" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={`cycle__dot ${i < done ? 'cycle__dot--done' : ''}`} />
        ))}
      </span>
      <span className="cycle__text" aria-hidden="true">
        {t('timer.cycle', { done, total })}
      </span>
    </div>
  );
}
