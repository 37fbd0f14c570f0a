import { useId } from 'react';

import { Button } from '@/components/button';
import { iconButtonClass } from '@/components/button-class';
import field from '@/components/field.module.css';
import { CloseIcon } from '@/components/icons';
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
        <TaskButton task={task} saved={saved} />
      </div>
      <p
        id={`${id}-note`}
        className={problem ? styles['my-task__error'] : styles['my-task__hint']}
        role={problem ? 'alert' : undefined}
      >
        {problem ?? t('participants.task.hint')}
      </p>
      <p className="visually-hidden" role="status">
        {task.done}
      </p>
    </form>
  );
}

/** One button at a time: Save while the text differs from what everyone sees, else Clear. */
function TaskButton({ task, saved }: { task: ReturnType<typeof useMyTask>; saved: string }) {
  const t = useT(participantsMessages);
  if (task.changed || saved === '') {
    return (
      <Button type="submit" disabled={!task.changed || task.sending || task.problem !== undefined}>
        {t('participants.task.save')}
      </Button>
    );
  }
  return (
    <button
      type="button"
      className={iconButtonClass()}
      onClick={task.clear}
      disabled={task.sending}
      aria-label={t('participants.task.clear')}
      title={t('participants.task.clearLabel')}
    >
      <CloseIcon />
    </button>
  );
}
