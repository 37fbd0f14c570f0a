import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { listMessages } from '@/features/chat/api/chat';
import { useChatStore } from '@/features/chat/stores/chat-store';
import { useParticipantsStore } from '@/features/participants/stores/participants-store';
import { getRoom } from '@/features/room/api/rooms';
import { saveCredentials } from '@/features/room/lib/credentials';
import { useRoomStore } from '@/features/room/stores/room-store';
import { useTimerStore } from '@/features/timer/stores/timer-store';
import { ApiError } from '@/lib/api-client';
import * as Hub from '@/lib/hub';
import { chatMessage } from '@/testing/chat-message';
import { fakeInvoke } from '@/testing/hub';
import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';
import type { Room, RoomSnapshot } from '@/types/api';

import { RoomSession } from './room-session';

vi.mock('@/features/room/api/rooms', () => ({ getRoom: vi.fn(), leaveRoom: vi.fn() }));
vi.mock('@/features/chat/api/chat', () => ({ listMessages: vi.fn(), sendMessage: vi.fn() }));
vi.mock('@/lib/hub', async (importOriginal) => ({
  ...(await importOriginal<typeof Hub>()),
  connectRoomHub: vi.fn(),
  disconnectRoomHub: vi.fn(() => Promise.resolve()),
  invokeRoomHub: vi.fn(),
}));

const roomId = '3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e';
const room = {
  room_id: roomId,
  room_name: 'team',
  long_break_interval: 4,
  timer_state: timerState(),
} as Room;
const credentials = { participant_id: 'p-1', user_name: 'Mina', token: 'tok' };

let callbacks: Hub.RoomHubCallbacks;
const event = <T>(data: T, server_time = new Date().toISOString()) => ({
  room_id: roomId,
  data,
  server_time,
});

async function openConnected(): Promise<RoomSession> {
  saveCredentials(roomId, credentials);
  const session = new RoomSession(roomId);
  session.open();
  await vi.waitFor(() => expect(Hub.connectRoomHub).toHaveBeenCalledWith('tok', expect.anything()));
  return session;
}

describe('RoomSession', () => {
  beforeEach(() => {
    vi.mocked(getRoom).mockResolvedValue(room);
    vi.mocked(Hub.connectRoomHub).mockImplementation((_token, given) => {
      callbacks = given;
      return { retryNow: vi.fn() } as unknown as Hub.RoomHub;
    });
    vi.mocked(Hub.invokeRoomHub).mockImplementation(
      fakeInvoke((method: string) => {
        if (method === 'sync') return Promise.resolve({ client_time: 0, server_time: Date.now() + 120_000 });
        const snapshot: RoomSnapshot = {
          room,
          timer: timerState({ status: 'running', version: 4 }),
          participants: [participant('p-1', { user_name: 'Mina', is_host: true })],
          messages: [chatMessage('m-1', 'p-2', 'hello')],
          participant_id: 'p-1',
          server_time: new Date().toISOString(),
        };
        return Promise.resolve(snapshot);
      }),
    );
  });
  afterEach(() => vi.clearAllMocks());

  it('on every (re)connection measures the server clock, then joins for the full snapshot', async () => {
    const session = await openConnected();
    await callbacks.onReady();
    const methods = vi.mocked(Hub.invokeRoomHub).mock.calls.map(([method]) => method);
    expect(methods).toEqual(['sync', 'sync', 'sync', 'sync', 'sync', 'join_room']);
    expect(useTimerStore.getState().offsetMs).toBeGreaterThan(119_000);
    expect(useTimerStore.getState().timer?.version).toBe(4);
    expect(useParticipantsStore.getState().participants).toHaveLength(1);
    expect(useChatStore.getState().messages.map((m) => m.text)).toEqual(['hello']);
    session.close();
  });

  it('lands chat messages in the chat store', async () => {
    const session = await openConnected();
    await callbacks.onReady();
    callbacks.events.chat_message(event(chatMessage('m-2', 'p-2', 'second')));
    expect(useChatStore.getState().messages.map((m) => m.text)).toEqual(['hello', 'second']);
    session.close();
  });

  it('says which way the room went: deleted by its host, or expired', async () => {
    const session = await openConnected();
    callbacks.events.room_deleted(event({ reason: 'expired' }));
    expect(useRoomStore.getState().outcome).toBe('expired');
    session.close();
  });

  it('shows the removed page when the host removes me, and only me', async () => {
    const session = await openConnected();
    await callbacks.onReady();
    callbacks.events.participant_update(
      event({ action: 'removed', participant: participant('p-2'), current_count: 1 }),
    );
    expect(useRoomStore.getState().outcome).toBeUndefined();
    callbacks.events.participant_update(
      event({ action: 'removed', participant: participant('p-1'), current_count: 1 }),
    );
    expect(useRoomStore.getState().outcome).toBe('removed');
    expect(localStorage.getItem(`focusmate.room.${roomId}`)).toBeNull();
    expect(Hub.disconnectRoomHub).toHaveBeenCalled();
    session.close();
  });

  it('a token the hub refuses ends on the "no longer in this room" page while the room exists', async () => {
    const session = await openConnected();
    callbacks.onRefused(new ApiError('UNAUTHORIZED', 'gone', 0));
    await vi.waitFor(() => expect(useRoomStore.getState().outcome).toBe('gone'));
    session.close();
  });

  it('checks over REST, with my token, whether it still opens the room', async () => {
    const session = await openConnected();
    vi.mocked(listMessages).mockRejectedValueOnce(new ApiError('UNAUTHORIZED', 'invalid', 401));
    await expect(callbacks.checkAccess?.()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(listMessages).toHaveBeenCalledWith(roomId, 'tok', 1);
    session.close();
  });

  it('lands timer events in the timer store, dropping stale versions', async () => {
    const session = await openConnected();
    await callbacks.onReady();
    callbacks.events.timer_update(event(timerState({ status: 'paused', version: 6 })));
    callbacks.events.timer_update(event(timerState({ status: 'running', version: 5 })));
    expect(useTimerStore.getState().timer).toMatchObject({ status: 'paused', version: 6 });

    callbacks.events.timer_complete(
      event({
        completed_session_type: 'work',
        next_session_type: 'break',
        auto_start: true,
        completed_at: new Date().toISOString(),
      }),
    );
    expect(useTimerStore.getState().phaseEnd?.completed_session_type).toBe('work');
    session.close();
  });

  it('shows the deleted page when the room is deleted, and forgets the token', async () => {
    const session = await openConnected();
    callbacks.events.room_deleted(event({ reason: 'deleted' }));
    expect(useRoomStore.getState().outcome).toBe('deleted');
    expect(localStorage.getItem(`focusmate.room.${roomId}`)).toBeNull();
    session.close();
  });

  it('re-measures the clock when an event contradicts the estimate (the server clock jumped)', async () => {
    const session = await openConnected();
    await callbacks.onReady();
    vi.mocked(Hub.invokeRoomHub).mockClear();
    const jumped = new Date(Date.now() + 10 * 60_000).toISOString();
    callbacks.events.timer_update(event(timerState({ version: 9 }), jumped));
    await vi.waitFor(() => expect(Hub.invokeRoomHub).toHaveBeenCalledWith('sync', expect.any(Number)));
    session.close();
  });

  it('says "room not found" for an unknown room and "unreachable" when the server is down', async () => {
    vi.mocked(getRoom).mockRejectedValueOnce(new ApiError('ROOM_NOT_FOUND', 'No such room.', 404));
    const missing = new RoomSession(roomId);
    missing.open();
    await vi.waitFor(() => expect(useRoomStore.getState().outcome).toBe('not-found'));
    missing.close();

    vi.mocked(getRoom).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'down', 0));
    const down = new RoomSession(roomId);
    down.open();
    await vi.waitFor(() => expect(useRoomStore.getState().outcome).toBe('unreachable'));
    down.close();
  });

  it('a full room ends the visit with the room-full page', () => {
    const session = new RoomSession(roomId);
    session.open();
    expect(session.joinRefused(new ApiError('MAX_PARTICIPANTS_REACHED', 'Full.', 409))).toBe(true);
    expect(useRoomStore.getState().outcome).toBe('full');
    expect(session.joinRefused(new ApiError('VALIDATION_ERROR', 'Bad name.', 422))).toBe(false);
    session.close();
  });
});
