// The wire shapes of the REST API and the hub (SPEC §3–4): snake_case, enums as lower-case strings,
// instants as ISO 8601 UTC strings.

export type SessionType = 'work' | 'break' | 'long_break';
export type TimerStatus = 'idle' | 'running' | 'paused' | 'completed';
export type ParticipantStatus = 'focusing' | 'break' | 'away';
/** `room`: the status follows the room's phase (the client derives it); `self`: the participant chose it. */
export type StatusSource = 'room' | 'self';

export interface TimerState {
  status: TimerStatus;
  /** When `completed`, the phase that is next. */
  session_type: SessionType;
  duration_seconds: number;
  /** As of `server_time`. */
  remaining_seconds: number;
  /** Null unless running. */
  target_timestamp: string | null;
  started_at: string | null;
  completed_work_sessions: number;
  version: number;
  server_time: string;
}

export interface RoomSettings {
  work_duration_minutes: number;
  break_duration_minutes: number;
  long_break_duration_minutes: number;
  long_break_interval: number;
  auto_start_break: boolean;
  auto_start_work: boolean;
  allow_all_control: boolean;
  max_participants: number;
}

export interface Room extends RoomSettings {
  room_id: string;
  room_name: string;
  work_duration: number;
  break_duration: number;
  long_break_duration: number;
  share_url: string;
  created_at: string;
  updated_at: string;
  current_participants: number;
  timer_state: TimerState;
}

export interface JoinedParticipant {
  participant_id: string;
  user_name: string;
  is_host: boolean;
  token: string;
}

export interface CreatedRoom extends Room {
  participant: JoinedParticipant;
}

export interface Participant {
  participant_id: string;
  user_name: string;
  is_host: boolean;
  online: boolean;
  /** As of when the server sent it; when `status_source` is `room`, derive it from the current timer. */
  status: ParticipantStatus;
  status_source: StatusSource;
  joined_at: string;
}

/** A chat message. `text` is plain text: render it as text, never as HTML. */
export interface ChatMessage {
  message_id: string;
  participant_id: string;
  /** The author's name when the message was sent. */
  user_name: string;
  text: string;
  sent_at: string;
}

export interface CreateRoomRequest extends Partial<RoomSettings> {
  room_name: string;
  host_name: string;
}

export type UpdateRoomRequest = Partial<RoomSettings>;

/** A phase that ran to its target: which, and when it ended (server clock). */
export interface LastCompletion {
  completed_session_type: SessionType;
  completed_at: string;
}

export interface RoomSnapshot {
  room: Room;
  timer: TimerState;
  participants: Participant[];
  /** The room's last messages, oldest first. */
  messages: ChatMessage[];
  participant_id: string;
  /** The room's latest phase end; null when no phase ever ran to its target (absent from older servers). */
  last_completion?: LastCompletion | null;
  server_time: string;
}

/** A short-lived, single-use credential that opens one hub connection (sent as `access_token`). */
export interface HubTicket {
  ticket: string;
  expires_at: string;
}

/** `POST …/participants/me/token`: my participant with a new token; the old one stops working. */
export type RotatedToken = JoinedParticipant;

/** `DELETE …/participants/offline`: who the host removed. */
export interface RemovedParticipants {
  removed: string[];
}

/** `room_deleted` exists only in the server's log: the room's records go with the room. */
export type AuditAction = 'settings_changed' | 'participant_removed' | 'host_changed' | 'timer_reset';

/** One host action on record. `actor_name` and `details` are plain text: render them as text. */
export interface AuditEntry {
  entry_id: string;
  at: string;
  /** Who acted (the id stays the same after they leave). */
  actor_id: string;
  /** Their name when they acted. */
  actor_name: string;
  action: AuditAction;
  /** What changed, in plain words: `work_duration_minutes 25 → 50, …`, a name, `offline: Ann, Bo`, `to Jun`. */
  details: string;
}

export interface SyncResult {
  client_time: number;
  server_time: number;
}

export interface RoomEvent<T> {
  room_id: string;
  data: T;
  server_time: string;
}

export interface TimerComplete {
  completed_session_type: SessionType;
  next_session_type: SessionType;
  auto_start: boolean;
}

export type ParticipantAction =
  'joined' | 'left' | 'removed' | 'online' | 'offline' | 'status' | 'host_changed';

export interface ParticipantUpdate {
  action: ParticipantAction;
  participant: Participant;
  current_count: number;
}

export type RoomDeletionReason = 'deleted' | 'expired';

export interface HubError {
  code: string;
  message: string;
  /** For RATE_LIMITED and SERVICE_BUSY: seconds to wait before trying again (REST's Retry-After). */
  retry_after?: number;
}

/** Server → client events and their data. */
export interface RoomEvents {
  timer_update: TimerState;
  timer_complete: TimerComplete;
  participant_update: ParticipantUpdate;
  room_updated: Room;
  room_deleted: { reason: RoomDeletionReason };
  chat_message: ChatMessage;
  error: HubError;
}
