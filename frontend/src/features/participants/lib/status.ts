// What each participant is doing. A status the participant chose comes from the server; one that
// follows the room does not (the server sends no update when the phase changes), so it is derived here
// from the current timer, by the server's own rule.
import type { Participant, ParticipantStatus, TimerState } from '@/types/api';

/** The part of the timer a room-following status depends on. */
export type RoomPhase = Pick<TimerState, 'session_type' | 'status'>;

/** What a participant shows next to their name: a status, or offline (which hides any status). */
export type Presence = ParticipantStatus | 'offline';

/** Focusing while a work phase is running or paused, on a break otherwise (idle, breaks, between phases). */
export function roomStatus(phase: RoomPhase | undefined): ParticipantStatus {
  const working = phase?.session_type === 'work' && (phase.status === 'running' || phase.status === 'paused');
  return working ? 'focusing' : 'break';
}

export function statusOf(participant: Participant, phase: RoomPhase | undefined): ParticipantStatus {
  return participant.status_source === 'self' ? participant.status : roomStatus(phase);
}

export function presenceOf(participant: Participant, phase: RoomPhase | undefined): Presence {
  return participant.online ? statusOf(participant, phase) : 'offline';
}

export type PresenceCounts = Record<Presence, number>;

/** How many are focusing, on a break, away (online participants only) and offline. */
export function presenceCounts(
  participants: readonly Participant[],
  phase: RoomPhase | undefined,
): PresenceCounts {
  const counts: PresenceCounts = { focusing: 0, break: 0, away: 0, offline: 0 };
  for (const participant of participants) counts[presenceOf(participant, phase)] += 1;
  return counts;
}

/** The value of "my status": a status I chose, or `room` when mine follows the room's phase. */
export type StatusChoice = ParticipantStatus | 'room';

export function statusChoiceOf(participant: Participant): StatusChoice {
  return participant.status_source === 'self' ? participant.status : 'room';
}
