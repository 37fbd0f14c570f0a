import { apiRequest } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import type { Participant, ParticipantStatus, RemovedParticipants } from '@/types/api';

import { useParticipantsStore } from '../stores/participants-store';

const people = () => useParticipantsStore.getState();

// Each command takes its own answer into the list at once; the room's broadcast of it follows and
// changes nothing more.

/** Tells the room what I am doing; null follows the room's phase again. */
export async function setMyStatus(status: ParticipantStatus | null): Promise<void> {
  const me = await invokeRoomHub('set_status', status);
  people().applyUpdate({ action: 'status', participant: me, current_count: 0 });
}

/** Tells the room what I am working on; null (or only blanks) clears it. */
export async function setMyTask(task: string | null): Promise<void> {
  const me = await invokeRoomHub('set_task', task?.trim() || null);
  people().applyUpdate({ action: 'task', participant: me, current_count: 0 });
}

/** Host only: hands the host role to another participant. */
export async function makeHost(participant: Participant): Promise<void> {
  const host = await invokeRoomHub('transfer_host', participant.participant_id);
  people().applyUpdate({ action: 'host_changed', participant: host, current_count: 0 });
}

/** Host only: removes a participant, whose connections close and whose token stops working at once. */
export async function removeParticipant(roomId: string, participant: Participant, hostToken: string) {
  const path = `/rooms/${encodeURIComponent(roomId)}/participants/${encodeURIComponent(participant.participant_id)}`;
  await apiRequest<void>('DELETE', path, { token: hostToken });
  people().applyUpdate({ action: 'removed', participant, current_count: 0 });
}

/**
 * Host only: removes everyone who is offline (but me), whose tokens stop working at once. Returns who
 * was removed, each also taken off the list (the room's `removed` broadcasts follow).
 */
export async function removeOfflineParticipants(roomId: string, hostToken: string): Promise<string[]> {
  const path = `/rooms/${encodeURIComponent(roomId)}/participants/offline`;
  const { removed } = await apiRequest<RemovedParticipants>('DELETE', path, { token: hostToken });
  for (const id of removed) {
    const participant = people().participants.find((p) => p.participant_id === id);
    if (participant) people().applyUpdate({ action: 'removed', participant, current_count: 0 });
  }
  return removed;
}
