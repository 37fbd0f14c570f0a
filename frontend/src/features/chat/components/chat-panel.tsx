import { useId, type ReactNode } from 'react';

import { ChatIcon, ChevronDownIcon } from '@/components/icons';
import panel from '@/components/panel.module.css';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { chatMessages } from '../messages';
import styles from './chat-panel.module.css';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';
import { useChatStore } from '../stores/chat-store';

interface ChatPanelProps {
  myParticipantId: string;
  /** Whether the hub connection is live (sending needs it). */
  connected: boolean;
  /** The room's phase, shown in the header so it stays in sight while chatting (on a phone, too). */
  phase?: ReactNode;
  className?: string;
}

/** The room's chat: folds away under its header, which then counts the messages that arrive. */
export function ChatPanel({ myParticipantId, connected, phase, className }: ChatPanelProps) {
  const t = useT(chatMessages);
  const bodyId = useId();
  const expanded = useChatStore((s) => s.expanded);
  const unread = useChatStore((s) => s.unread);
  const setExpanded = useChatStore((s) => s.setExpanded);
  const showUnread = !expanded && unread > 0;

  return (
    <section
      className={cx(panel.panel, styles.chat, className)}
      data-expanded={expanded}
      aria-labelledby={`${bodyId}-title`}
    >
      <header className={styles.chat__header}>
        <h2 id={`${bodyId}-title`} className={cx(panel.panel__title, styles.chat__title)}>
          <button
            type="button"
            className={styles.chat__toggle}
            aria-expanded={expanded}
            aria-controls={bodyId}
            aria-label={showUnread ? t('chat.titleUnread', { count: unread }) : t('chat.title')}
            onClick={() => setExpanded(!expanded)}
          >
            <ChatIcon />
            <span>{t('chat.title')}</span>
            {showUnread && (
              <span className={styles.chat__unread} data-testid="chat-unread">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
            <span className={styles.chat__chevron}>
              <ChevronDownIcon />
            </span>
          </button>
        </h2>
        {phase}
      </header>
      <div id={bodyId} className={styles.chat__body} hidden={!expanded}>
        {expanded && (
          <>
            <MessageList myParticipantId={myParticipantId} />
            <MessageComposer myParticipantId={myParticipantId} connected={connected} />
          </>
        )}
      </div>
    </section>
  );
}
