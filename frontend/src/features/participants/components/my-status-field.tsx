import { useId, useState } from 'react';

import field from '@/components/field.module.css';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { Participant } from '@/types/api';

import { setMyStatus } from '../api/participant-commands';
import { statusChoiceOf, type StatusChoice } from '../lib/status';
import { participantsMessages } from '../messages';
import styles from './my-status-field.module.css';

const choices: StatusChoice[] = ['room', 'focusing', 'break', 'away'];

interface MyStatusFieldProps {
  me: Participant;
}

/** Lets me tell the room what I am doing, or follow the room's phase. */
export function MyStatusField({ me }: MyStatusFieldProps) {
  const t = useT(participantsMessages);
  const id = useId();
  const [failed, setFailed] = useState(false);

  const choose = (choice: StatusChoice) => {
    setFailed(false);
    setMyStatus(choice === 'room' ? null : choice).catch(() => setFailed(true));
  };

  return (
    <div className={styles['my-status']}>
      <label htmlFor={id} className={styles['my-status__label']}>
        {t('participants.myStatus')}
      </label>
      <select
        id={id}
        className={cx(field.input, styles['my-status__select'])}
        value={statusChoiceOf(me)}
        onChange={(event) => choose(event.target.value as StatusChoice)}
        aria-describedby={failed ? `${id}-error` : undefined}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'room' ? t('participants.followRoom') : t(`presence.${choice}`)}
          </option>
        ))}
      </select>
      {failed && (
        <p id={`${id}-error`} className={styles['my-status__error']} role="alert">
          {t('participants.error.status')}
        </p>
      )}
    </div>
  );
}
