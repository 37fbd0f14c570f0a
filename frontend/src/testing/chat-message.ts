import type { ChatMessage } from '@/types/api';

/** A chat message for tests, sent at a fixed instant unless given one. */
export function chatMessage(
  id: string,
  participantId: string,
  text: string,
  sentAt = '2026-01-02T03:04:05.000Z',
): ChatMessage {
  return { message_id: id, participant_id: participantId, user_name: participantId, text, sent_at: sentAt };
}
