import { useEffect, useState } from 'react';

import { useLanguageStore } from '@/lib/i18n/language';

import {
  roomPushStatus,
  turnOffRoomPush,
  turnOnRoomPush,
  type PushOutcome,
  type PushStatus,
} from '../lib/room-push';

export type RoomPushState =
  { status: 'checking' } | { status: 'working'; turningOn: boolean } | (PushOutcome & { status: PushStatus });

/** This room's pushes to this browser: what they are now, and turning them on (from a click) or off. */
export function useRoomPush(roomId: string, token: string) {
  const [state, setState] = useState<RoomPushState>({ status: 'checking' });

  useEffect(() => {
    let current = true;
    roomPushStatus(roomId).then(
      (status) => current && setState({ status }),
      () => current && setState({ status: 'off' }),
    );
    return () => {
      current = false;
    };
  }, [roomId]);

  const turn = async (on: boolean) => {
    setState({ status: 'working', turningOn: on });
    const language = useLanguageStore.getState().language;
    setState(on ? await turnOnRoomPush(roomId, token, language) : await turnOffRoomPush(roomId, token));
  };

  return { state, turn: (on: boolean) => void turn(on) };
}
