import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it } from 'vitest';

import { useParticipantsStore } from '@/features/participants/stores/participants-store';
import { useRoomStore } from '@/features/room/stores/room-store';
import { useTimerStore } from '@/features/timer/stores/timer-store';
import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';
import type { Room } from '@/types/api';

import { RoomView } from './room';
import { RoomSession } from '../room-session';

const room = {
  room_id: 'room-1',
  room_name: 'team',
  work_duration_minutes: 25,
  break_duration_minutes: 5,
  long_break_duration_minutes: 15,
  long_break_interval: 4,
  allow_all_control: false,
  timer_state: timerState(),
} as Room;
const ana = participant('ana', { user_name: 'Ana', is_host: true });
const ben = participant('ben', { user_name: 'Ben' });

function renderAs(me: string) {
  const credentials = { participant_id: me, user_name: me, token: 'tok' };
  render(
    <MemoryRouter>
      <RoomView room={room} credentials={credentials} session={new RoomSession('room-1')} />
    </MemoryRouter>,
  );
}

describe('RoomView: recent changes and a busy server', () => {
  beforeEach(() => {
    useRoomStore.getState().setConnection('connected');
    useTimerStore.getState().clear();
    useTimerStore.getState().applyTimer(timerState());
    useParticipantsStore.getState().setParticipants([ana, ben]);
  });

  it('a member reads the recent changes from their own button; the host from the settings', () => {
    renderAs('ben');
    expect(screen.getByRole('button', { name: 'Recent changes in this room' })).toBeInTheDocument();
    act(() =>
      useParticipantsStore
        .getState()
        .applyUpdate({ action: 'host_changed', participant: { ...ben, is_host: true }, current_count: 2 }),
    );
    expect(screen.queryByRole('button', { name: 'Recent changes in this room' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Room settings' })).toBeInTheDocument();
  });

  it('says calmly when the server asked the connection to wait', () => {
    renderAs('ben');
    act(() => useRoomStore.getState().setBusy(Date.now() + 5_000));
    expect(screen.getByTestId('busy-note')).toHaveTextContent('Lots going on — trying again in 5 s…');
    act(() => useRoomStore.getState().setConnection('connected'));
    expect(screen.queryByTestId('busy-note')).not.toBeInTheDocument();
  });
});
