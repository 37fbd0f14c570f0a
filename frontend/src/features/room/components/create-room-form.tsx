import { Button } from '@/components/button';
import form from '@/components/form.module.css';
import panel from '@/components/panel.module.css';
import { TextField } from '@/components/text-field';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { CreatedRoom } from '@/types/api';

import { SettingsFields } from './settings-fields';
import { useCreateRoom } from '../hooks/use-create-room';
import { roomMessages } from '../messages';

interface CreateRoomFormProps {
  onCreated: (room: CreatedRoom) => void;
}

export function CreateRoomForm({ onCreated }: CreateRoomFormProps) {
  const t = useT(roomMessages);
  const { draft, update, errors, formError, busy, submit } = useCreateRoom(onCreated);

  return (
    <form
      className={cx(panel.panel, form.form)}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="create-title"
    >
      <h2 id="create-title" className={panel.panel__title}>
        {t('home.create.title')}
      </h2>
      <TextField
        name="room_name"
        label={t('home.create.roomName')}
        hint={t('home.create.roomNameHint')}
        autoComplete="off"
        spellCheck={false}
        maxLength={50}
        required
        value={draft.room_name}
        error={errors.room_name}
        onChange={(e) => update({ ...draft, room_name: e.target.value })}
      />
      <TextField
        name="host_name"
        label={t('home.create.yourName')}
        autoComplete="nickname"
        maxLength={50}
        required
        value={draft.host_name}
        error={errors.host_name}
        onChange={(e) => update({ ...draft, host_name: e.target.value })}
      />
      <SettingsFields
        draft={draft.settings}
        errors={errors}
        onChange={(settings) => update({ ...draft, settings })}
      />
      {formError && (
        <p className={form.form__error} role="alert">
          {formError}
        </p>
      )}
      <Button type="submit" variant="primary" size="lg" disabled={busy}>
        {busy ? t('home.create.submitting') : t('home.create.submit')}
      </Button>
    </form>
  );
}
