import { useState, type FormEvent } from 'react';

import { useT } from '@/lib/i18n/translate';
import type { CreatedRoom } from '@/types/api';

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
import { roomMessages } from '../messages';

export interface CreateRoomDraft {
  room_name: string;
  host_name: string;
  settings: SettingsDraft;
}

function localProblems(draft: CreateRoomDraft) {
  return {
    room_name: checkRoomName(draft.room_name),
    host_name: checkDisplayName(draft.host_name),
    ...settingsProblems(draft.settings),
  };
}

/** The create form's state: the draft, its messages (local rules, then the server's) and the submit. */
export function useCreateRoom(onCreated: (room: CreatedRoom) => void) {
  const t = useT(roomMessages);
  const [draft, setDraft] = useState<CreateRoomDraft>({
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

  const update = (next: CreateRoomDraft) => {
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

  return { draft, update, errors, formError, busy, submit };
}
