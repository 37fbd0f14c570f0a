import type { ReactNode } from 'react';

import { iconButtonClass } from '@/components/button-class';
import { SoundOffIcon, SoundOnIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import styles from './alert-toggles.module.css';
import { AlertsDialog } from './alerts-dialog';
import { timerMessages } from '../messages';
import { useTimerStore } from '../stores/timer-store';

/** Sound on/off at a click, and the dialog of sounds and notifications (with `more` ways to be told). */
export function AlertToggles({ more }: { more?: ReactNode }) {
  const t = useT(timerMessages);
  const muted = useTimerStore((s) => s.muted);
  const toggleMuted = useTimerStore((s) => s.toggleMuted);
  return (
    <div className={styles['alert-toggles']}>
      <button
        type="button"
        className={cx(iconButtonClass(), styles['alert-toggles__button'])}
        aria-pressed={muted}
        aria-label={muted ? t('timer.unmute') : t('timer.mute')}
        title={muted ? t('timer.unmute') : t('timer.mute')}
        onClick={toggleMuted}
      >
        {muted ? <SoundOffIcon /> : <SoundOnIcon />}
      </button>
      <AlertsDialog className={styles['alert-toggles__button']}>{more}</AlertsDialog>
    </div>
  );
}
