import { useState, type FormEvent } from 'react';

import { Button } from '@/components/button';
import form from '@/components/form.module.css';
import panel from '@/components/panel.module.css';
import { TextField } from '@/components/text-field';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { CreatedRoom } from '@/types/api';

import { roomMessages } from '../messages';
import { SettingsFields } from './settings-fields';
import { createRoom } from '../api/rooms';
import { saveCredentials } from '../lib/credentials';
import { problemMessages, submitFailure, type FieldMessages } from '../lib/form-errors';
import {
  checkDisplayName,
  checkRoomName,
  defaultSettings,
  draftOf,
  settingsOf,
  settingsProblems,
  type SettingsDraft,
} from '../lib/room-form';

interface CreateRoomFormProps {
  onCreated: (room: CreatedRoom) => void;
}

interface Draft {
  room_name: string;
  host_name: string;
  settings: SettingsDraft;
}

function localProblems(draft: Draft) {
  return {
    room_name: checkRoomName(draft.room_name),
    host_name: checkDisplayName(draft.host_name),
    ...settingsProblems(draft.settings),
  };
}

export function CreateRoomForm({ onCreated }: CreateRoomFormProps) {
  const t = useT(roomMessages);
  const [draft, setDraft] = useState<Draft>({
    room_name: '',
    host_name: '',
    settings: draftOf(defaultSettings),
  });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const local = problemMessages(localProblems(draft), t);
  // Once the user has tried to submit, field messages follow every keystroke.
  const errors = submitted ? { ...serverErrors, ...local } : serverErrors;

  const update = (next: Draft) => {
    setDraft(next);
    setServerErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const room = await createRoom({
        room_name: draft.room_name,
        host_name: draft.host_name.trim(),
        ...settingsOf(draft.settings),
      });
      saveCredentials(room.room_id, room.participant);
      onCreated(room);
    } catch (error) {
      const failure = submitFailure(error, t);
      setServerErrors(failure.fields);
      setFormError(failure.form);
      setBusy(false);
    }
  };

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
