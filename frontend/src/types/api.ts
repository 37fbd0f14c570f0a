// The wire contract by name: thin aliases over the types generated from the API's OpenAPI document
// (`npm run gen:api` writes api.generated.ts from ../openapi.json; `npm run check:api` fails when it is
// stale). Nothing here restates a shape; where the document says less than the server does, the alias
// says so and why.
import type { components } from './api.generated';

type Schemas = components['schemas'];

/**
 * The document lists no required members for the hub's shapes (its events, their data, sync's answer),
 * but the server always sends every one of them: read them as present.
 */
type Sent<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type SessionType = Schemas['SessionType'];
export type TimerStatus = Schemas['TimerStatus'];
export type ParticipantStatus = Schemas['ParticipantStatus'];
/** `room`: the status follows the room's phase (the client derives it); `self`: the participant chose it. */
export type StatusSource = Schemas['StatusSource'];
export type ParticipantAction = Schemas['ParticipantAction'];
export type AuditAction = Schemas['AuditAction'];
export type RoomDeletionReason = Schemas['RoomDeletion'];
export type SessionOutcome = Schemas['SessionOutcome'];
export type StatisticsPeriod = Schemas['StatisticsPeriod'];

export type TimerState = Schemas['TimerStateResponse'];
export type Room = Schemas['RoomResponse'];
export type RoomSettings = Pick<
  Room,
  | 'work_duration_minutes'
  | 'break_duration_minutes'
  | 'long_break_duration_minutes'
  | 'long_break_interval'
  | 'auto_start_break'
  | 'auto_start_work'
  | 'allow_all_control'
  | 'max_participants'
>;
export type CreatedRoom = Schemas['CreatedRoomResponse'];
export type CreateRoomRequest = Schemas['CreateRoomRequest'];
export type UpdateRoomRequest = Schemas['UpdateRoomRequest'];
export type JoinedParticipant = Schemas['JoinedParticipantResponse'];
/** `POST …/participants/me/token`: my participant with a new token; the old one stops working. */
export type RotatedToken = JoinedParticipant;
export type Participant = Schemas['ParticipantResponse'];
/** `DELETE …/participants/offline`: who the host removed. */
export type RemovedParticipants = Schemas['RemovedParticipantsResponse'];
/** A chat message. `text` is plain text: render it as text, never as HTML. */
export type ChatMessage = Schemas['ChatMessageResponse'];
/** One host action on record. `actor_name` and `details` are plain text: render them as text. */
export type AuditEntry = Schemas['AuditEntryResponse'];
/** A short-lived, single-use credential that opens one hub connection (sent as `access_token`). */
export type HubTicket = Schemas['HubTicketResponse'];
/** `GET /push/key`: the server's VAPID public key (base64url), the `applicationServerKey` to subscribe with. */
export type PushKey = Schemas['PushKeyResponse'];
/** `POST …/push-subscriptions`: the browser's `PushSubscription.toJSON()` and the notifications' language. */
export type SubscribePushRequest = Schemas['SubscribePushRequest'];
export type PushSubscriptionRecord = Schemas['PushSubscriptionResponse'];
/** `DELETE …/push-subscriptions`: which endpoint to drop. */
export type UnsubscribePushRequest = Schemas['UnsubscribePushRequest'];
/** A finished phase, from `GET …/sessions` (newest first). */
export type Session = Schemas['SessionResponse'];

/** A period's statistics: figures, focus per local day so far, and focus per person (most first). */
export type Statistics = Schemas['StatisticsResponse'];
export type DayFocus = Schemas['DayFocusResponse'];
export type PersonFocus = Schemas['ParticipantFocusResponse'];

/** A phase that ran to its target: which, and when it ended (server clock). */
export type LastCompletion = Sent<Schemas['LastCompletion']>;

/**
 * `join_room()`'s answer. The document marks `last_completion` required and not nullable, but it is null
 * while no phase ever ran to its target (and absent from older servers).
 */
export type RoomSnapshot = Omit<Schemas['RoomSnapshot'], 'last_completion'> & {
  last_completion?: LastCompletion | null;
};

export type SyncResult = Sent<Schemas['SyncResult']>;
export type TimerComplete = Sent<Schemas['TimerCompleteData']>;
export type ParticipantUpdate = Sent<Schemas['ParticipantUpdateData']>;
export type RoomDeleted = Sent<Schemas['RoomDeletedData']>;

/** `error`'s data: a refused call's code; `retry_after` only for RATE_LIMITED and SERVICE_BUSY. */
export type HubError = Sent<Pick<Schemas['ErrorData'], 'code' | 'message'>> & {
  retry_after?: number | null;
};

/** Every server → client event: which room, its data, and the server's clock when it was sent. */
type Event<E extends { data?: unknown }, Data = Sent<NonNullable<E['data']>>> = Sent<Omit<E, 'data'>> & {
  data: Data;
};

export type TimerUpdateEvent = Event<Schemas['TimerUpdateEvent']>;
export type TimerCompleteEvent = Event<Schemas['TimerCompleteEvent']>;
export type ParticipantUpdateEvent = Event<Schemas['ParticipantUpdateEvent']>;
export type RoomUpdatedEvent = Event<Schemas['RoomUpdatedEvent']>;
export type RoomDeletedEvent = Event<Schemas['RoomDeletedEvent']>;
export type ChatMessageEvent = Event<Schemas['ChatMessageEvent']>;
export type ErrorEvent = Event<Schemas['ErrorEvent'], HubError>;
