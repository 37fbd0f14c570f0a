import { useState, type FormEvent } from 'react';

import { ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';

import { setMyTask } from '../api/participant-commands';
import { checkTask } from '../lib/task';
import { participantsMessages } from '../messages';

/**
 * The "working on" field: a draft that follows the saved task when it changes elsewhere (another tab), its
 * check by the server's rules, saving it over the hub, and what went wrong.
 */
export function useMyTask(saved: string) {
  const t = useT(participantsMessages);
  const [draft, setDraft] = useState(saved);
  const [shownSaved, setShownSaved] = useState(saved);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState('');
  const [sending, setSending] = useState(false);
  if (saved !== shownSaved) {
    // Saved here or in another tab: the field shows what everyone sees now.
    setShownSaved(saved);
    setDraft(saved);
  }
  const problem = checkTask(draft);

  const save = async (task: string) => {
    setError(undefined);
    setDone('');
    setSending(true);
    try {
      await setMyTask(task);
      setDone(task.trim() ? t('participants.task.saved') : t('participants.task.cleared'));
    } catch (e) {
      if (e instanceof ApiError && e.isBusy) setError(busyMessage(e, t));
      else setError(t('participants.task.failed'));
    } finally {
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem && !sending) void save(draft);
  };
  const clear = () => {
    setDraft('');
    void save('');
  };
  const changed = draft.trim() !== saved;
  return { draft, setDraft, problem, error, done, sending, changed, submit, clear };
}
