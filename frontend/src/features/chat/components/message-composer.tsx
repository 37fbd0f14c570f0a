import { useId, type FormEvent, type KeyboardEvent } from 'react';

import { Button } from '@/components/button';
import field from '@/components/field.module.css';
import { SendIcon } from '@/components/icons';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { useAutoGrow } from '../hooks/use-auto-grow';
import { useSendMessage } from '../hooks/use-send-message';
import { maxMessageLength } from '../lib/messages';
import { chatMessages, type ChatMessageKey } from '../messages';
import styles from './message-composer.module.css';

/** Show how many characters are left once this close to the limit. */
const counterFrom = maxMessageLength - 50;

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
  const { draft, setDraft, text, sending, note, send } = useSendMessage(myParticipantId);
  const box = useAutoGrow(draft);

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
      <ComposerFooter noteId={`${id}-note`} note={note} connected={connected} length={draft.length} />
    </form>
  );
}

interface ComposerFooterProps {
  noteId: string;
  /** Why the last message was not sent, if it was not. */
  note: ChatMessageKey | undefined;
  connected: boolean;
  length: number;
}

/** Under the box: what went wrong (a refusal for sending too fast said calmly), else how to send. */
function ComposerFooter({ noteId, note, connected, length }: ComposerFooterProps) {
  const t = useT(chatMessages);
  const noteKey: ChatMessageKey = note ?? (connected ? 'chat.keys' : 'chat.offline');
  const noteKind = noteKinds[noteKey] ?? 'problem';
  return (
    <div className={styles.chat__footer}>
      <p id={noteId} className={cx(styles.chat__note, styles[`chat__note--${noteKind}`])} role="status">
        {t(noteKey)}
      </p>
      {length >= counterFrom && (
        <span className={styles.chat__counter}>
          {length}/{maxMessageLength}
        </span>
      )}
    </div>
  );
}
