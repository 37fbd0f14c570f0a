import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';

import { Button } from '@/components/button';
import field from '@/components/field.module.css';
import { SendIcon } from '@/components/icons';
import { ApiError } from '@/lib/api-client';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { sendMessage } from '../api/chat';
import { maxMessageLength, sendable } from '../lib/messages';
import { chatMessages, type ChatMessageKey } from '../messages';
import styles from './message-composer.module.css';

/** Show how many characters are left once this close to the limit. */
const counterFrom = maxMessageLength - 50;

const notes: Partial<Record<ApiError['code'], ChatMessageKey>> = {
  RATE_LIMITED: 'chat.rateLimited',
  VALIDATION_ERROR: 'chat.invalid',
  NETWORK_ERROR: 'chat.notSent',
};

const noteKinds: Partial<Record<ChatMessageKey, 'hint' | 'calm'>> = {
  'chat.keys': 'hint',
  'chat.offline': 'calm',
  'chat.rateLimited': 'calm',
};

interface MessageComposerProps {
  myParticipantId: string;
  connected: boolean;
}

/** Enter sends, Shift+Enter starts a new line; a message that was not sent stays in the box. */
export function MessageComposer({ myParticipantId, connected }: MessageComposerProps) {
  const t = useT(chatMessages);
  const id = useId();
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<ChatMessageKey>();
  const text = sendable(draft);
  const box = useAutoGrow(draft);

  const send = async () => {
    if (!text || sending) return;
    setSending(true);
    setNote(undefined);
    try {
      await sendMessage(text, myParticipantId);
      setDraft('');
    } catch (error) {
      setNote(notes[error instanceof ApiError ? error.code : 'UNKNOWN_ERROR'] ?? 'chat.failed');
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an IME is composing (Korean, Japanese…) confirms the syllable, it does not send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  // Under the box: what went wrong (a refusal for sending too fast said calmly), else how to send.
  const noteKey: ChatMessageKey = note ?? (connected ? 'chat.keys' : 'chat.offline');
  const noteKind = noteKinds[noteKey] ?? 'problem';
  return (
    <form className={styles.chat__composer} onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('chat.message')}
      </label>
      <div className={styles['chat__compose-row']}>
        <textarea
          ref={box}
          id={id}
          className={cx(field.input, styles.chat__input)}
          rows={1}
          maxLength={maxMessageLength}
          placeholder={t('chat.placeholder')}
          enterKeyHint="send"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-note`}
        />
        <Button
          type="submit"
          variant="primary"
          className={styles.chat__send}
          disabled={!text || sending || !connected}
          aria-label={t('chat.send')}
        >
          <SendIcon />
        </Button>
      </div>
      <div className={styles.chat__footer}>
        <p
          id={`${id}-note`}
          className={cx(styles.chat__note, styles[`chat__note--${noteKind}`])}
          role="status"
        >
          {t(noteKey)}
        </p>
        {draft.length >= counterFrom && (
          <span className={styles.chat__counter}>
            {draft.length}/{maxMessageLength}
          </span>
        )}
      </div>
    </form>
  );
}

/** The box grows with its text up to the height the stylesheet allows, then scrolls. */
function useAutoGrow(value: string): RefObject<HTMLTextAreaElement | null> {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + (el.offsetHeight - el.clientHeight)}px`;
  }, [value]);
  return box;
}
