// The room hub's contract in one table (SPEC §4): every server → client event with its payload, and every
// client → server method with its arguments and answer. The payloads are the OpenAPI document's shapes;
// the names and arguments are the hub's own (RoomHub.cs), which the document does not describe.
import type {
  ChatMessage,
  ChatMessageEvent,
  ErrorEvent,
  Participant,
  ParticipantStatus,
  ParticipantUpdateEvent,
  RoomDeletedEvent,
  RoomSnapshot,
  RoomUpdatedEvent,
  SessionType,
  SyncResult,
  TimerCompleteEvent,
  TimerState,
  TimerUpdateEvent,
} from '@/types/api';

export interface RoomHubContract {
  events: {
    timer_update: TimerUpdateEvent;
    timer_complete: TimerCompleteEvent;
    participant_update: ParticipantUpdateEvent;
    room_updated: RoomUpdatedEvent;
    room_deleted: RoomDeletedEvent;
    chat_message: ChatMessageEvent;
    /** Sent to a refused caller just before the refused invocation fails (same connection: always first). */
    error: ErrorEvent;
  };
  methods: {
    /** Enters the room's broadcasts, marks me online; call again after every reconnect. */
    join_room: { args: []; returns: RoomSnapshot };
    /** null starts the phase that is next. */
    start_timer: { args: [sessionType: SessionType | null]; returns: TimerState };
    pause_timer: { args: []; returns: TimerState };
    resume_timer: { args: []; returns: TimerState };
    reset_timer: { args: []; returns: TimerState };
    skip_timer: { args: []; returns: TimerState };
    /** null follows the room's phase again. */
    set_status: { args: [status: ParticipantStatus | null]; returns: Participant };
    /** What I am working on (up to 80 characters); null or "" clears it. */
    set_task: { args: [text: string | null]; returns: Participant };
    send_message: { args: [text: string]; returns: ChatMessage };
    transfer_host: { args: [participantId: string]; returns: Participant };
    /** One clock sample: my clock in, the server's out (Unix ms). */
    sync: { args: [clientTime: number]; returns: SyncResult };
  };
}

export type HubEvents = RoomHubContract['events'];
export type HubEventName = keyof HubEvents;
export type HubMethods = RoomHubContract['methods'];
export type HubMethodName = keyof HubMethods;
export type HubArgs<M extends HubMethodName> = HubMethods[M]['args'];
export type HubAnswer<M extends HubMethodName> = HubMethods[M]['returns'];

/** One handler per event. */
export type HubEventHandlers = { [E in HubEventName]: (event: HubEvents[E]) => void };

/** The event names, for registering a handler of each. */
export const hubEventNames = [
  'timer_update',
  'timer_complete',
  'participant_update',
  'room_updated',
  'room_deleted',
  'chat_message',
  'error',
] as const satisfies readonly HubEventName[];
