import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import type { CycleProgress as Progress } from '../lib/countdown';
import { timerMessages } from '../messages';
import styles from './cycle-progress.module.css';

/** "Cycle 2/4" with one dot per focus session until the long break. */
export function CycleProgress({ done, total }: Progress) {
  const t = useT(timerMessages);
  return (
    <div className={styles.cycle} role="img" aria-label={t('timer.cycleLabel', { done, total })}>
      <span className={styles.cycle__dots} aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={cx(styles.cycle__dot, i < done && styles['cycle__dot--done'])} />
        ))}
      </span>
      <span aria-hidden="true">{t('timer.cycle', { done, total })}</span>
    </div>
  );
}
