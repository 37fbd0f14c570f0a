import { apiRequest } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import type { ChatMessage } from '@/types/api';

import { useChatStore } from '../stores/chat-store';

/** Sends over the hub; the stored message is shown at once (its broadcast, arriving too, is ignored). */
export async function sendMessage(text: string, myParticipantId: string): Promise<void> {
  const message = await invokeRoomHub('send_message', text);
  useChatStore.getState().receive(message, myParticipantId);
}

/** The room's last messages over REST (members only: a dead token gets 401). */
export const listMessages = (roomId: string, token: string, limit: number) =>
  apiRequest<ChatMessage[]>('GET', `/rooms/${encodeURIComponent(roomId)}/messages?limit=${limit}`, { token });
