import { useState } from 'react';

import { ApiError } from '@/lib/api-client';

import { sendMessage } from '../api/chat';
import { sendable } from '../lib/messages';
import type { ChatMessageKey } from '../messages';

const notes: Partial<Record<ApiError['code'], ChatMessageKey>> = {
  RATE_LIMITED: 'chat.rateLimited',
  VALIDATION_ERROR: 'chat.invalid',
  NETWORK_ERROR: 'chat.notSent',
};

/** The composer's draft and its sending: a message that was not sent stays, with a note saying why. */
export function useSendMessage(myParticipantId: string) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<ChatMessageKey>();
  const text = sendable(draft);

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

  return { draft, setDraft, text, sending, note, send };
}
