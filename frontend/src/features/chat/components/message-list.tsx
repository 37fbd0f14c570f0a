import { useLayoutEffect, useMemo, useRef } from 'react';

import { cx } from '@/lib/class-names';
import { useLanguageStore } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import type { ChatMessage } from '@/types/api';

import { continuesGroup } from '../lib/messages';
import { chatMessages } from '../messages';
import styles from './message-list.module.css';
import { useChatStore } from '../stores/chat-store';

/** Closer than this to the bottom counts as "reading the latest": new messages scroll into view. */
const stickyPx = 48;

interface MessageListProps {
  myParticipantId: string;
}

export function MessageList({ myParticipantId }: MessageListProps) {
  const t = useT(chatMessages);
  const language = useLanguageStore((s) => s.language);
  const messages = useChatStore((s) => s.messages);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const time = useMemo(
    () => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }),
    [language],
  );

  // Follow new messages while the reader is at the bottom, and always after sending one myself.
  const last = messages.at(-1);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (atBottom.current || last?.participant_id === myParticipantId)) el.scrollTop = el.scrollHeight;
  }, [last, myParticipantId]);

  return (
    <div
      ref={scroller}
      className={styles.chat__scroller}
      role="log"
      aria-label={t('chat.messages')}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < stickyPx;
      }}
    >
      {messages.length === 0 ? (
        <p className={styles.chat__empty}>{t('chat.empty')}</p>
      ) : (
        <ol className={styles.chat__messages}>
          {messages.map((message, i) => (
            <MessageItem
              key={message.message_id}
              message={message}
              mine={message.participant_id === myParticipantId}
              continued={continuesGroup(message, messages[i - 1])}
              time={time}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

interface MessageItemProps {
  message: ChatMessage;
  mine: boolean;
  continued: boolean;
  time: Intl.DateTimeFormat;
}

function MessageItem({ message, mine, continued, time }: MessageItemProps) {
  const t = useT(chatMessages);
  return (
    <li
      className={cx(
        styles.message,
        mine && styles['message--mine'],
        continued && styles['message--continued'],
      )}
    >
      {!continued && (
        <p className={styles.message__meta}>
          <span className={styles.message__author}>{mine ? t('chat.you') : message.user_name}</span>
          <time className={styles.message__time} dateTime={message.sent_at}>
            {time.format(new Date(message.sent_at))}
          </time>
        </p>
      )}
      {/* Plain text, as the contract says: React escapes it, so markup in a message shows as typed. */}
      <p className={styles.message__text} data-testid="message-text">
        {message.text}
      </p>
    </li>
  );
}
