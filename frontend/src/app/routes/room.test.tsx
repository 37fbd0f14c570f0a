import { act, render, screen, within } from '@testing-library/react';
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

const roomId = 'room-1';
const room = {
  room_id: roomId,
  room_name: 'team',
  work_duration_minutes: 25,
  break_duration_minutes: 5,
  long_break_duration_minutes: 15,
  long_break_interval: 4,
  allow_all_control: false,
  timer_state: timerState(),
} as Room;
const credentials = { participant_id: 'ben', user_name: 'Ben', token: 'tok' };
const ana = participant('ana', { user_name: 'Ana', is_host: true });
const ben = participant('ben', { user_name: 'Ben' });

function renderRoom(shown: Room = room) {
  const session = new RoomSession(roomId);
  const view = (r: Room) => (
    <MemoryRouter>
      <RoomView room={r} credentials={credentials} session={session} />
    </MemoryRouter>
  );
  const result = render(view(shown));
  return { rerenderWith: (r: Room) => result.rerender(view(r)) };
}

describe('RoomView', () => {
  beforeEach(() => {
    useRoomStore.getState().setConnection('connected');
    useTimerStore.getState().clear();
    useTimerStore.getState().applyTimer(timerState());
    useParticipantsStore.getState().setParticipants([ana, ben]);
  });

  it('gives the controls to a participant who becomes host, without a reload', () => {
    renderRoom();
    expect(screen.getByRole('button', { name: 'Start Focus' })).toBeDisabled();
    expect(screen.getByText('Only the host can control the timer in this room.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Room settings' })).not.toBeInTheDocument();

    act(() =>
      useParticipantsStore
        .getState()
        .applyUpdate({ action: 'host_changed', participant: { ...ben, is_host: true }, current_count: 2 }),
    );
    expect(screen.getByRole('button', { name: 'Start Focus' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Room settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Ana from the room' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'In this room' });
    expect(within(list).getAllByText('Host')).toHaveLength(1);
  });

  it('enables and disables the controls at once when the host changes who may control the timer', () => {
    const { rerenderWith } = renderRoom();
    rerenderWith({ ...room, allow_all_control: true });
    expect(screen.getByRole('button', { name: 'Start Focus' })).toBeEnabled();
    rerenderWith({ ...room, allow_all_control: false });
    expect(screen.getByRole('button', { name: 'Start Focus' })).toBeDisabled();
  });

  it('shows the durations, so a settings change is visible to everyone', () => {
    const { rerenderWith } = renderRoom();
    expect(screen.getByTestId('room-rhythm')).toHaveTextContent('Focus 25 min · Short break 5 min');
    rerenderWith({ ...room, break_duration_minutes: 7 });
    expect(screen.getByTestId('room-rhythm')).toHaveTextContent('Short break 7 min');
  });
});
