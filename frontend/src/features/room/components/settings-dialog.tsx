import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';

import { Button } from '@/components/button';
import { iconButtonClass } from '@/components/button-class';
import { ConfirmDialog } from '@/components/confirm-dialog';
import dialog from '@/components/dialog.module.css';
import form from '@/components/form.module.css';
import { CloseIcon, SettingsIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { Room } from '@/types/api';

import { roomMessages } from '../messages';
import { AuditLog } from './audit-log';
import { SettingsFields } from './settings-fields';
import { deleteRoom, updateRoom } from '../api/rooms';
import { problemMessages, submitFailure, type FieldMessages } from '../lib/form-errors';
import { draftOf, settingsOf, settingsProblems, type SettingsDraft } from '../lib/room-form';
import { useRoomStore } from '../stores/room-store';

interface SettingsDialogProps {
  room: Room;
  token: string;
  /** The server's clock (ms), for how long ago the recent changes were made. */
  now?: () => number;
}

/** The host's settings, and the room's recent changes; opening it starts from the room's current values. */
export function SettingsDialog({ room, token, now = Date.now }: SettingsDialogProps) {
  const t = useT(roomMessages);
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" aria-label={t('room.settingsLabel')}>
          <SettingsIcon />
          <span>{t('room.settings')}</span>
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={dialog['dialog-overlay']} />
        <Dialog.Content className={dialog.dialog}>
          {open && (
            <>
              <SettingsForm room={room} token={token} onDone={() => setOpen(false)} />
              <AuditLog roomId={room.room_id} token={token} now={now} />
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SettingsForm({ room, token, onDone }: Omit<SettingsDialogProps, 'now'> & { onDone: () => void }) {
  const t = useT(roomMessages);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(room));
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const local = problemMessages(settingsProblems(draft), t);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      useRoomStore.getState().setRoom(await updateRoom(room.room_id, token, settingsOf(draft)));
      onDone();
    } catch (error) {
      const failure = submitFailure(error, t);
      setServerErrors(failure.fields);
      setFormError(failure.form);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate className={form.form}>
      <div className={dialog.dialog__header}>
        <Dialog.Title className={dialog.dialog__title}>{t('settings.title')}</Dialog.Title>
        <Dialog.Close className={iconButtonClass()} aria-label={t('settings.close')}>
          <CloseIcon />
        </Dialog.Close>
      </div>
      <Dialog.Description className={dialog.dialog__description}>
        {t('settings.description')}
      </Dialog.Description>
      <SettingsFields
        draft={draft}
        errors={{ ...serverErrors, ...local }}
        onChange={(next) => {
          setDraft(next);
          setServerErrors({});
        }}
      />
      {formError && (
        <p className={form.form__error} role="alert">
          {formError}
        </p>
      )}
      <div className={cx(dialog.dialog__actions, dialog['dialog__actions--split'])}>
        <DeleteRoomButton room={room} token={token} onFailed={setFormError} />
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

interface DeleteRoomButtonProps {
  room: Room;
  token: string;
  /** Says why the room could not be deleted. */
  onFailed: (message: string | undefined) => void;
}

/** The host deletes the room for everyone, after a confirmation. */
function DeleteRoomButton({ room, token, onFailed }: DeleteRoomButtonProps) {
  const t = useT(roomMessages);
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    try {
      await deleteRoom(room.room_id, token);
      useRoomStore.getState().end('deleted');
    } catch (error) {
      onFailed(submitFailure(error, t).form);
    }
  };
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('settings.delete')}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('settings.delete.title')}
        description={t('settings.delete.body')}
        confirmLabel={t('settings.delete')}
        onConfirm={() => void remove()}
        danger
      />
    </>
  );
}
