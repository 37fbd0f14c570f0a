import { useState } from 'react';

import { iconButtonClass } from '@/components/button-class';
import { BellIcon, BellOffIcon, SoundOffIcon, SoundOnIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { notificationAccess, requestNotificationAccess } from '../lib/phase-end-alert';
import { timerMessages } from '../messages';
import styles from './alert-toggles.module.css';
import { useTimerStore } from '../stores/timer-store';

/** Sound on/off and the notification permission, asked only when the user clicks. */
export function AlertToggles() {
  const t = useT(timerMessages);
  const muted = useTimerStore((s) => s.muted);
  const toggleMuted = useTimerStore((s) => s.toggleMuted);
  const [access, setAccess] = useState(notificationAccess);

  const notifyLabel = {
    granted: t('timer.notify.on'),
    denied: t('timer.notify.blocked'),
    default: t('timer.notify.enable'),
    unsupported: t('timer.notify.blocked'),
  }[access];

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
      <button
        type="button"
        className={cx(iconButtonClass(), styles['alert-toggles__button'])}
        aria-label={notifyLabel}
        title={notifyLabel}
        disabled={access !== 'default'}
        data-access={access}
        onClick={() => void requestNotificationAccess().then(setAccess)}
      >
        {access === 'granted' ? <BellIcon /> : <BellOffIcon />}
      </button>
    </div>
  );
}
