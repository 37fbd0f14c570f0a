// The room session against the hardened contract: hub tickets (and the refusal they can carry), a
// rotated token stored by another tab, a busy server while loading, and a phase end announced once even
// when its timer_complete was lost to a reconnect.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { getRoom, requestHubTicket } from '@/features/room/api/rooms';
import { saveCredentials } from '@/features/room/lib/credentials';
import { useRoomStore } from '@/features/room/stores/room-store';
import { useTimerStore } from '@/features/timer/stores/timer-store';
import { ApiError } from '@/lib/api-client';
import * as Hub from '@/lib/hub';
import { fakeInvoke } from '@/testing/hub';
import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';
import type { LastCompletion, Room, RoomSnapshot, TimerState } from '@/types/api';

import { RoomSession } from './room-session';

vi.mock('@/features/room/api/rooms', () => ({
  getRoom: vi.fn(),
  leaveRoom: vi.fn(),
  requestHubTicket: vi.fn(),
}));
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
/** The server's clock: an hour behind this machine's (a machine clock set wrong). */
const serverBase = Date.now() - 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let callbacks: Hub.RoomHubCallbacks;
let snapshotAt = serverBase;
let lastCompletion: LastCompletion | null = null;
let snapshotTimer: TimerState = timerState({ status: 'running', session_type: 'break', version: 3 });

function snapshot(): RoomSnapshot {
  return {
    room,
    timer: snapshotTimer,
    participants: [participant('p-1', { user_name: 'Mina', is_host: true })],
    messages: [],
    participant_id: 'p-1',
    last_completion: lastCompletion,
    server_time: iso(snapshotAt),
  };
}

async function openConnected(): Promise<RoomSession> {
  saveCredentials(roomId, credentials);
  const session = new RoomSession(roomId);
  session.open();
  await vi.waitFor(() => expect(Hub.connectRoomHub).toHaveBeenCalled());
  return session;
}

/** How many phase ends this page has announced since it opened. */
const announced = () => useTimerStore.getState().phaseEnd?.id ?? 0;

describe('RoomSession and the hardened contract', () => {
  beforeEach(() => {
    snapshotAt = serverBase;
    lastCompletion = null;
    snapshotTimer = timerState({ status: 'running', session_type: 'break', version: 3 });
    vi.mocked(getRoom).mockResolvedValue(room);
    vi.mocked(Hub.connectRoomHub).mockImplementation((_token, given) => {
      callbacks = given;
      return { retryNow: vi.fn() } as unknown as Hub.RoomHub;
    });
    vi.mocked(Hub.invokeRoomHub).mockImplementation(
      fakeInvoke((method: string) =>
        Promise.resolve(method === 'sync' ? { client_time: 0, server_time: snapshotAt } : snapshot()),
      ),
    );
  });
  afterEach(() => {
    vi.clearAllMocks();
    sessionStorage.clear();
  });

  describe('hub tickets', () => {
    it('asks for a ticket with my token for each connection, and hands the ticket to the hub', async () => {
      vi.mocked(requestHubTicket)
        .mockResolvedValueOnce({ ticket: 'ticket-1', expires_at: iso(serverBase) })
        .mockResolvedValueOnce({ ticket: 'ticket-2', expires_at: iso(serverBase) });
      const session = await openConnected();
      await expect(callbacks.hubTicket?.()).resolves.toBe('ticket-1');
      await expect(callbacks.hubTicket?.()).resolves.toBe('ticket-2');
      expect(requestHubTicket).toHaveBeenCalledWith(roomId, 'tok');
      session.close();
    });

    it('passes a refused ticket on to the hub, which ends the visit as today', async () => {
      vi.mocked(requestHubTicket).mockRejectedValue(new ApiError('UNAUTHORIZED', 'invalid', 401));
      const session = await openConnected();
      await expect(callbacks.hubTicket?.()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      callbacks.onRefused(new ApiError('UNAUTHORIZED', 'invalid', 401));
      await vi.waitFor(() => expect(useRoomStore.getState().outcome).toBe('gone'));
      session.close();
    });

    it('after a token rotation in another tab (which stored the new token) continues with that token', async () => {
      vi.mocked(requestHubTicket).mockImplementation((_room, token) =>
        token === 'tok'
          ? Promise.reject(new ApiError('UNAUTHORIZED', 'replaced', 401))
          : Promise.resolve({ ticket: `ticket-for-${token}`, expires_at: iso(serverBase) }),
      );
      const session = await openConnected();
      saveCredentials(roomId, { ...credentials, token: 'rotated' });
      await expect(callbacks.hubTicket?.()).resolves.toBe('ticket-for-rotated');
      expect(useRoomStore.getState().credentials?.token).toBe('rotated');
      session.close();
    });
  });

  it('a busy server while loading keeps the loading page, says so, and tries again after its wait', async () => {
    vi.useFakeTimers();
    try {
      vi.mocked(getRoom).mockRejectedValueOnce(new ApiError('RATE_LIMITED', 'Too many.', 429, {}, 4));
      const session = new RoomSession(roomId);
      session.open();
      await vi.advanceTimersByTimeAsync(0);
      expect(useRoomStore.getState().outcome).toBeUndefined();
      expect(useRoomStore.getState().busyUntil).toBe(Date.now() + 4000);
      await vi.advanceTimersByTimeAsync(4000);
      expect(getRoom).toHaveBeenCalledTimes(2);
      expect(useRoomStore.getState().room).toBe(room);
      expect(useRoomStore.getState().busyUntil).toBeUndefined();
      session.close();
    } finally {
      vi.useRealTimers();
    }
  });

  describe('the last phase end in the snapshot', () => {
    const completion = (agoMs: number): LastCompletion => ({
      completed_session_type: 'work',
      completed_at: iso(snapshotAt - agoMs),
    });

    it('announces a phase end of the last minute that the page missed, once, across reconnects', async () => {
      lastCompletion = completion(20_000);
      const session = await openConnected();
      await callbacks.onReady();
      expect(announced()).toBe(1);
      expect(useTimerStore.getState().phaseEnd?.completed_session_type).toBe('work');

      // A reconnect a little later: the same snapshot, no second banner.
      snapshotAt += 15_000;
      await callbacks.onReady();
      expect(announced()).toBe(1);
      session.close();
    });

    it('judges "the last minute" on the server’s clock, not this machine’s (an hour ahead here)', async () => {
      lastCompletion = completion(50_000);
      const session = await openConnected();
      await callbacks.onReady();
      expect(announced()).toBe(1);
      session.close();
    });

    it('does not announce an older phase end, nor one a reset has overtaken', async () => {
      lastCompletion = completion(61_000);
      const session = await openConnected();
      await callbacks.onReady();
      expect(announced()).toBe(0);

      lastCompletion = completion(10_000);
      snapshotTimer = timerState({ status: 'idle', version: 9 });
      await callbacks.onReady();
      expect(announced()).toBe(0);
      session.close();
    });

    it('a page that announced it live does not announce it again after a reconnect', async () => {
      const session = await openConnected();
      await callbacks.onReady();
      const endedAt = snapshotAt + 30_000;
      callbacks.events.timer_complete({
        room_id: roomId,
        data: {
          completed_session_type: 'work',
          next_session_type: 'break',
          auto_start: true,
          completed_at: iso(endedAt),
        },
        server_time: iso(endedAt + 120),
      });
      expect(announced()).toBe(1);

      // The connection drops and comes back 20 s later: the snapshot names the same phase end.
      snapshotAt = endedAt + 20_000;
      lastCompletion = { completed_session_type: 'work', completed_at: iso(endedAt) };
      await callbacks.onReady();
      expect(announced()).toBe(1);
      session.close();
    });

    it('a live event crossing the join that announced it is not a second announcement', async () => {
      lastCompletion = completion(1_000);
      const session = await openConnected();
      await callbacks.onReady();
      callbacks.events.timer_complete({
        room_id: roomId,
        data: {
          completed_session_type: 'work',
          next_session_type: 'break',
          auto_start: true,
          completed_at: iso(snapshotAt - 1_000),
        },
        server_time: iso(snapshotAt - 900),
      });
      expect(announced()).toBe(1);
      session.close();
    });

    it('a reload of the page that announced it does not announce it again', async () => {
      lastCompletion = completion(20_000);
      const first = await openConnected();
      await callbacks.onReady();
      expect(announced()).toBe(1);
      first.close();

      vi.mocked(Hub.connectRoomHub).mockClear();
      const reloaded = await openConnected();
      await callbacks.onReady();
      expect(announced()).toBe(0);
      reloaded.close();
    });
  });
});
