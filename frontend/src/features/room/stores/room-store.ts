import { create } from 'zustand';

import type { ConnectionStatus } from '@/lib/hub';
import type { Room } from '@/types/api';

import type { Credentials } from '../lib/credentials';

/**
 * Why the room page shows a full-page message instead of the room. `removed`: the host removed me (the
 * server said so); `gone`: my token no longer opens the room for another reason (I left in another
 * tab, my place expired while I was away).
 */
export type RoomOutcome = 'not-found' | 'deleted' | 'expired' | 'removed' | 'gone' | 'full' | 'unreachable';

interface RoomStoreState {
  roomId: string | undefined;
  room: Room | undefined;
  credentials: Credentials | undefined;
  connection: ConnectionStatus;
  outcome: RoomOutcome | undefined;
  /** The server asked us to wait (rate limit, load shedding): when the app tries again (local ms). */
  busyUntil: number | undefined;
  open: (roomId: string, credentials: Credentials | undefined) => void;
  setRoom: (room: Room) => void;
  setCredentials: (credentials: Credentials | undefined) => void;
  setConnection: (connection: ConnectionStatus) => void;
  setBusy: (until: number | undefined) => void;
  end: (outcome: RoomOutcome) => void;
  close: () => void;
}

const empty = {
  roomId: undefined,
  room: undefined,
  credentials: undefined,
  connection: 'connecting' as ConnectionStatus,
  outcome: undefined,
  busyUntil: undefined,
};

export const useRoomStore = create<RoomStoreState>()((set) => ({
  ...empty,
  open: (roomId, credentials) => set({ ...empty, roomId, credentials }),
  setRoom: (room) => set({ room, outcome: undefined, busyUntil: undefined }),
  setCredentials: (credentials) => set({ credentials }),
  setConnection: (connection) =>
    set(connection === 'connected' ? { connection, busyUntil: undefined } : { connection }),
  setBusy: (busyUntil) => set({ busyUntil }),
  end: (outcome) => set({ outcome }),
  close: () => set(empty),
}));
