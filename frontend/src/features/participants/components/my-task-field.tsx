import { useId } from 'react';

import { Button } from '@/components/button';
import field from '@/components/field.module.css';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import styles from './my-task-field.module.css';
import { useMyTask } from '../hooks/use-my-task';
import { taskMaxLength } from '../lib/task';
import { participantsMessages } from '../messages';

/** Lets me tell the room what I am working on (shown next to my name to everyone), or clear it. */
export function MyTaskField({ saved }: { saved: string }) {
  const t = useT(participantsMessages);
  const id = useId();
  const task = useMyTask(saved);
  const problem = task.problem ? t(task.problem, { max: taskMaxLength }) : task.error;
  return (
    <form className={cx(styles['my-task'], problem && field['field--invalid'])} onSubmit={task.submit}>
      <label htmlFor={id} className={styles['my-task__label']}>
        {t('participants.task.label')}
      </label>
      <div className={styles['my-task__row']}>
        <input
          id={id}
          className={cx(field.input, styles['my-task__input'])}
          value={task.draft}
          onChange={(event) => task.setDraft(event.target.value)}
          placeholder={t('participants.task.placeholder')}
          autoComplete="off"
          enterKeyHint="done"
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-note`}
        />
        <Button type="submit" disabled={!task.changed || task.sending || task.problem !== undefined}>
          {t('participants.task.save')}
        </Button>
        {saved !== '' && (
          <Button variant="ghost" onClick={task.clear} disabled={task.sending}>
            {t('participants.task.clear')}
          </Button>
        )}
      </div>
      <p
        id={`${id}-note`}
        className={problem ? styles['my-task__error'] : styles['my-task__hint']}
        role={problem ? 'alert' : undefined}
      >
        {problem ?? t('participants.task.hint', { max: taskMaxLength })}
      </p>
      <p className="visually-hidden" role="status">
        {task.done}
      </p>
    </form>
  );
}
