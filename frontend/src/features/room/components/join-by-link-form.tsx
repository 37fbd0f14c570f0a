import { useState, type FormEvent } from 'react';

import { Button } from '@/components/button';
import form from '@/components/form.module.css';
import panel from '@/components/panel.module.css';
import { TextField } from '@/components/text-field';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { roomIdFromInput } from '../lib/room-link';
import { roomMessages } from '../messages';
import styles from './join-by-link-form.module.css';

interface JoinByLinkFormProps {
  onRoom: (roomId: string) => void;
}

export function JoinByLinkForm({ onRoom }: JoinByLinkFormProps) {
  const t = useT(roomMessages);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const roomId = roomIdFromInput(value);
    if (roomId) onRoom(roomId);
    else setError(t('home.join.invalid'));
  };

  return (
    <form className={cx(panel.panel, form.form)} onSubmit={submit} noValidate aria-labelledby="join-title">
      <h2 id="join-title" className={panel.panel__title}>
        {t('home.join.title')}
      </h2>
      <div className={styles['inline-form']}>
        <TextField
          className={styles['inline-form__field']}
          name="room_link"
          label={t('home.join.label')}
          placeholder={t('home.join.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={value}
          error={error}
          onChange={(e) => {
            setValue(e.target.value);
            setError(undefined);
          }}
        />
        <Button type="submit" variant="secondary">
          {t('home.join.submit')}
        </Button>
      </div>
    </form>
  );
}
