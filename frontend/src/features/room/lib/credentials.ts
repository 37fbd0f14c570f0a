// A participant's token per room, kept in localStorage so a reload or a second tab stays the same
// participant instead of joining again.
import type { JoinedParticipant } from '@/types/api';

export type Credentials = Pick<JoinedParticipant, 'participant_id' | 'user_name' | 'token'>;

const keyOf = (roomId: string) => `focusmate.room.${roomId.toLowerCase()}`;

export function loadCredentials(roomId: string): Credentials | undefined {
  try {
    const raw = localStorage.getItem(keyOf(roomId));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Credentials>;
    if (typeof value.token === 'string' && typeof value.participant_id === 'string') {
      return { token: value.token, participant_id: value.participant_id, user_name: value.user_name ?? '' };
    }
  } catch {
    // Unreadable: ask for a name again.
  }
  return undefined;
}

export function saveCredentials(roomId: string, participant: Credentials): void {
  const { participant_id, user_name, token } = participant;
  try {
    localStorage.setItem(keyOf(roomId), JSON.stringify({ participant_id, user_name, token }));
  } catch {
    // Private mode: this tab still works; a reload asks for the name again.
  }
}

export function forgetCredentials(roomId: string): void {
  try {
    localStorage.removeItem(keyOf(roomId));
  } catch {
    // Nothing was stored.
  }
}
