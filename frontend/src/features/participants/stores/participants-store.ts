import { create } from 'zustand';

import type { Participant, ParticipantUpdate } from '@/types/api';

/** The list after one participant_update: who joined, left, went on- or offline, or became host. */
export function applyParticipantUpdate(
  list: readonly Participant[],
  update: ParticipantUpdate,
): Participant[] {
  const { action, participant } = update;
  const others = list.filter((p) => p.participant_id !== participant.participant_id);
  if (action === 'left' || action === 'removed') return others;
  const demoted =
    action === 'host_changed' ? others.map((p) => (p.is_host ? { ...p, is_host: false } : p)) : others;
  const index = list.findIndex((p) => p.participant_id === participant.participant_id);
  if (index === -1) return [...demoted, participant];
  // Keep the place in the list (longest present first).
  const result = [...demoted];
  result.splice(Math.min(index, result.length), 0, participant);
  return result;
}

interface ParticipantsState {
  participants: Participant[];
  setParticipants: (participants: Participant[]) => void;
  applyUpdate: (update: ParticipantUpdate) => void;
  clear: () => void;
}

export const useParticipantsStore = create<ParticipantsState>()((set) => ({
  participants: [],
  setParticipants: (participants) => set({ participants }),
  applyUpdate: (update) =>
    set((state) => ({ participants: applyParticipantUpdate(state.participants, update) })),
  clear: () => set({ participants: [] }),
}));
