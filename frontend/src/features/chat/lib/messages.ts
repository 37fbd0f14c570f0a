import type { ChatMessage } from '@/types/api';

export const maxMessageLength = 500;

/** Within this long of the previous one by the same person, a message goes under the same heading. */
const groupWithinMs = 5 * 60_000;

/** Whether a message continues the previous one's group (same author, soon after). */
export function continuesGroup(message: ChatMessage, previous: ChatMessage | undefined): boolean {
  if (!previous || previous.participant_id !== message.participant_id) return false;
  return Date.parse(message.sent_at) - Date.parse(previous.sent_at) < groupWithinMs;
}

/** What may be sent: the text without surrounding blank space, 1–500 characters (as the server counts). */
export function sendable(draft: string): string | undefined {
  const text = draft.trim();
  return text.length >= 1 && text.length <= maxMessageLength ? text : undefined;
}
