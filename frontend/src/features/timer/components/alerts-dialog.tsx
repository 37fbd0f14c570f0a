import * as Dialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';

import { Button } from '@/components/button';
import { iconButtonClass } from '@/components/button-class';
import dialog from '@/components/dialog.module.css';
import { BellIcon, CloseIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import styles from './alerts-dialog.module.css';
import { SoundSettings } from './sound-settings';
import { notificationAccess, requestNotificationAccess } from '../lib/phase-end-alert';
import { timerMessages } from '../messages';

interface AlertsDialogProps {
  /** More ways to be told (the room's pushes, from their own feature). */
  children?: ReactNode;
  className?: string;
}

/** How this browser tells of a phase end: the sound, notifications in this tab, and whatever is passed in. */
export function AlertsDialog({ children, className }: AlertsDialogProps) {
  const t = useT(timerMessages);
  return (
    <Dialog.Root>
      <Dialog.Trigger
        className={cx(iconButtonClass(), className)}
        aria-label={t('alerts.open')}
        title={t('alerts.open')}
      >
        <BellIcon />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={dialog['dialog-overlay']} />
        <Dialog.Content className={dialog.dialog}>
          <div className={dialog.dialog__header}>
            <Dialog.Title className={dialog.dialog__title}>{t('alerts.title')}</Dialog.Title>
            <Dialog.Close className={iconButtonClass()} aria-label={t('alerts.close')}>
              <CloseIcon />
            </Dialog.Close>
          </div>
          <Dialog.Description className={dialog.dialog__description}>
            {t('alerts.description')}
          </Dialog.Description>
          <SoundSettings />
          <TabNotifications />
          {children && <section className={styles.alerts__section}>{children}</section>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Notifications while the tab is open: the permission, asked only when the person clicks. */
function TabNotifications() {
  const t = useT(timerMessages);
  const [access, setAccess] = useState(notificationAccess);
  const blocked = access === 'denied' || access === 'unsupported';
  return (
    <section className={styles.alerts__section} aria-labelledby="alerts-notifications">
      <h3 id="alerts-notifications" className={styles.alerts__heading}>
        {t('alerts.notifications')}
      </h3>
      <div className={styles.alerts__row}>
        <p className={cx(styles.alerts__note, blocked && styles['alerts__note--problem'])} role="status">
          {t(`alerts.notifications.${access}`)}
        </p>
        {access === 'default' && (
          <Button onClick={() => void requestNotificationAccess().then(setAccess)}>
            {t('alerts.notifications.allow')}
          </Button>
        )}
      </div>
    </section>
  );
}
