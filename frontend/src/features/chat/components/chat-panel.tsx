import { useId, type ReactNode } from 'react';

import { ChatIcon, ChevronDownIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { chatMessages } from '../messages';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';
import { useChatStore } from '../stores/chat-store';

interface ChatPanelProps {
  myParticipantId: string;
  /** Whether the hub connection is live (sending needs it). */
  connected: boolean;
  /** The room's phase, shown in the header so it stays in sight while chatting (on a phone, too). */
  phase?: ReactNode;
}

/** The room's chat: folds away under its header, which then counts the messages that arrive. */
export function ChatPanel({ myParticipantId, connected, phase }: ChatPanelProps) {
  const t = useT(chatMessages);
  const bodyId = useId();
  const expanded = useChatStore((s) => s.expanded);
  const unread = useChatStore((s) => s.unread);
  const setExpanded = useChatStore((s) => s.setExpanded);
  const showUnread = !expanded && unread > 0;

  return (
    <section className="panel chat" data-expanded={expanded} aria-labelledby={`${bodyId}-title`}>
      <header className="chat__header">
        <h2 id={`${bodyId}-title`} className="panel__title chat__title">
          <button
            type="button"
            className="chat__toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            aria-label={showUnread ? t('chat.titleUnread', { count: unread }) : t('chat.title')}
            onClick={() => setExpanded(!expanded)}
          >
            <ChatIcon />
            <span>{t('chat.title')}</span>
            {showUnread && (
              <span className="chat__unread" data-testid="chat-unread">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
            <span className="chat__chevron">
              <ChevronDownIcon />
            </span>
          </button>
        </h2>
        {phase}
      </header>
      <div id={bodyId} className="chat__body" hidden={!expanded}>
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
