// The hub's one table types every call and event: a method's arguments and answer, an event's payload.
import { describe, expect, expectTypeOf, it } from 'vitest';

import type {
  ChatMessageEvent,
  Participant,
  RoomSnapshot,
  SessionType,
  TimerState,
  TimerUpdateEvent,
} from '@/types/api';

import type { RoomHub } from './hub';
import type { HubArgs, HubAnswer, HubEvents } from './hub-contract';

describe('the hub contract', () => {
  it('types each method’s arguments and answer', () => {
    expectTypeOf<HubArgs<'start_timer'>>().toEqualTypeOf<[sessionType: SessionType | null]>();
    expectTypeOf<HubArgs<'join_room'>>().toEqualTypeOf<[]>();
    expectTypeOf<HubAnswer<'join_room'>>().toEqualTypeOf<RoomSnapshot>();
    expectTypeOf<HubAnswer<'pause_timer'>>().toEqualTypeOf<TimerState>();
    expectTypeOf<HubAnswer<'transfer_host'>>().toEqualTypeOf<Participant>();
    expectTypeOf<HubArgs<'set_task'>>().toEqualTypeOf<[text: string | null]>();
    expectTypeOf<HubAnswer<'set_task'>>().toEqualTypeOf<Participant>();
  });

  it('types each event’s payload', () => {
    expectTypeOf<HubEvents['timer_update']>().toEqualTypeOf<TimerUpdateEvent>();
    expectTypeOf<HubEvents['error']['data']['code']>().toEqualTypeOf<string>();
  });

  it('checks calls and listeners against it (by the type check, which runs this file too)', () => {
    expect(typeof callsAndListeners).toBe('function');
  });
});

/** Compiled, never run: `npm run typecheck` fails if the contract stops catching these. */
function callsAndListeners(hub: RoomHub) {
  void hub.invoke('start_timer', 'long_break');
  void hub.invoke('start_timer', null);
  void hub.invoke('sync', 1_700_000_000_000);
  // @ts-expect-error start_timer takes a phase or null, not a number
  void hub.invoke('start_timer', 3);
  // @ts-expect-error start_timer takes exactly one argument
  void hub.invoke('start_timer');
  // @ts-expect-error there is no such method
  void hub.invoke('start_timers');
  hub.on('timer_update', (event) => expectTypeOf(event).toEqualTypeOf<TimerUpdateEvent>());
  // @ts-expect-error a chat message handler does not take timer updates
  hub.on('timer_update', (event: ChatMessageEvent) => event.data.text);
}
