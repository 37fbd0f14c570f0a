import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';

import { Button } from '@/components/button';
import { iconButtonClass } from '@/components/button-class';
import dialog from '@/components/dialog.module.css';
import { CloseIcon, HistoryIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { roomMessages } from '../messages';
import { AuditLog } from './audit-log';

interface RecentChangesDialogProps {
  roomId: string;
  token: string;
  /** The server's clock (ms), for how long ago each change was made. */
  now?: () => number;
}

/** Everyone's read-only view of the host's recent actions (the host sees them in the settings dialog). */
export function RecentChangesDialog({ roomId, token, now = Date.now }: RecentChangesDialogProps) {
  const t = useT(roomMessages);
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" aria-label={t('room.changesLabel')}>
          <HistoryIcon />
          <span>{t('room.changes')}</span>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={dialog['dialog-overlay']} />
        <Dialog.Content className={dialog.dialog}>
          <div className={dialog.dialog__header}>
            <Dialog.Title className={dialog.dialog__title}>{t('audit.title')}</Dialog.Title>
            <Dialog.Close className={iconButtonClass()} aria-label={t('settings.close')}>
              <CloseIcon />
            </Dialog.Close>
          </div>
          <Dialog.Description className={dialog.dialog__description}>
            {t('audit.description')}
          </Dialog.Description>
          {open && <AuditLog roomId={roomId} token={token} now={now} heading={false} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
