import { useEffect, useRef, useState, type FormEvent } from 'react';

import { BusyNote } from '@/components/busy-note';
import { Button } from '@/components/button';
import form from '@/components/form.module.css';
import panel from '@/components/panel.module.css';
import { TextField } from '@/components/text-field';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import { retryWhenBusy, SupersededError } from '@/lib/retry';
import type { JoinedParticipant } from '@/types/api';

import { joinRoom } from '../api/rooms';
import { submitFailure } from '../lib/form-errors';
import { checkDisplayName } from '../lib/room-form';
import { roomMessages } from '../messages';
import styles from './join-room-prompt.module.css';

interface JoinRoomPromptProps {
  roomId: string;
  roomName: string;
  onJoined: (participant: JoinedParticipant) => void;
  /** The room refused with a code that ends the visit (full, gone). */
  onRefused: (error: unknown) => boolean;
}

/** Asks a newcomer for the name the room will see, once per room and browser. */
export function JoinRoomPrompt({ roomId, roomName, onJoined, onRefused }: JoinRoomPromptProps) {
  const t = useT(roomMessages);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<number>();
  const gone = useGone();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkDisplayName(name);
    if (problem) {
      setError(t(problem.key, problem.params));
      return;
    }
    setBusy(true);
    try {
      // A busy server (too many joins from this address, or shedding load) is waited out, twice at most.
      const joined = await retryWhenBusy(() => joinRoom(roomId, name.trim()), {
        retries: 2,
        onWait: setRetryAt,
        superseded: gone,
      });
      onJoined(joined);
    } catch (e) {
      if (e instanceof SupersededError || onRefused(e)) return;
      const failure = submitFailure(e, t);
      setError(failure.fields.user_name ?? failure.form);
      setBusy(false);
    }
  };

  return (
    <form
      className={cx(panel.panel, form.form, styles['join-prompt'])}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="join-prompt-title"
    >
      <h1 id="join-prompt-title" className={styles['join-prompt__title']}>
        {t('room.join.title', { room: roomName })}
      </h1>
      <TextField
        name="user_name"
        label={t('room.join.prompt')}
        autoComplete="nickname"
        maxLength={50}
        autoFocus
        required
        value={name}
        error={error}
        onChange={(e) => {
          setName(e.target.value);
          setError(undefined);
        }}
      />
      <Button type="submit" variant="primary" size="lg" disabled={busy}>
        {busy ? t('room.join.submitting') : t('room.join.submit')}
      </Button>
      {retryAt !== undefined && <BusyNote retryAt={retryAt} />}
    </form>
  );
}

/** Whether the prompt has left the page (a retry after that would join someone nobody sees). */
function useGone(): () => boolean {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return () => !mounted.current;
}
