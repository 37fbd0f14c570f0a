import { create } from 'zustand';

import type { ChatMessage } from '@/types/api';

/** A long session keeps the latest messages only, so the page stays light. */
const maxKept = 300;

/** Wide screens show the chat beside the timer; on phones it starts folded away under its header. */
const wideScreen = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(min-width: 861px)').matches
    : false;

interface ChatState {
  messages: ChatMessage[];
  /** Whether the history of join_room has arrived at least once on this page. */
  loaded: boolean;
  expanded: boolean;
  /** Others' messages that arrived while the panel was folded. */
  unread: number;
  /** join_room's last messages (on every (re)connection). Those not seen before count as unread. */
  loadHistory: (messages: ChatMessage[], myParticipantId: string | undefined) => void;
  /** One message, live or as the answer to my own send; a message already held is ignored. */
  receive: (message: ChatMessage, myParticipantId: string | undefined) => void;
  setExpanded: (expanded: boolean) => void;
  clear: () => void;
}

const unreadAmong = (messages: readonly ChatMessage[], myParticipantId: string | undefined) =>
  messages.filter((m) => m.participant_id !== myParticipantId).length;

export const useChatStore = create<ChatState>()((set) => ({
  messages: [],
  loaded: false,
  expanded: wideScreen(),
  unread: 0,
  loadHistory: (messages, me) =>
    set((state) => {
      const known = new Set(state.messages.map((m) => m.message_id));
      const fresh = messages.filter((m) => !known.has(m.message_id));
      const counted = state.loaded && !state.expanded ? unreadAmong(fresh, me) : 0;
      return { messages: messages.slice(-maxKept), loaded: true, unread: state.unread + counted };
    }),
  receive: (message, me) =>
    set((state) => {
      if (state.messages.some((m) => m.message_id === message.message_id)) return state;
      const counted = state.expanded ? 0 : unreadAmong([message], me);
      return { messages: [...state.messages, message].slice(-maxKept), unread: state.unread + counted };
    }),
  setExpanded: (expanded) => set((state) => ({ expanded, unread: expanded ? 0 : state.unread })),
  clear: () => set({ messages: [], loaded: false, expanded: wideScreen(), unread: 0 }),
}));
