import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import type { CreatedRoom } from '@/types/api';

import { CreateRoomForm } from './create-room-form';
import { createRoom } from '../api/rooms';

vi.mock('../api/rooms', () => ({ createRoom: vi.fn() }));
const create = vi.mocked(createRoom);

async function fill(roomName: string, hostName: string) {
  await userEvent.type(screen.getByLabelText('Room name'), roomName);
  await userEvent.type(screen.getByLabelText('Your name'), hostName);
}

describe('CreateRoomForm', () => {
  beforeEach(() => create.mockReset());

  it('checks the server’s rules before sending anything', async () => {
    render(<CreateRoomForm onCreated={vi.fn()} />);
    await fill('my room', ' ');
    const work = screen.getByLabelText('Focus');
    await userEvent.clear(work);
    await userEvent.type(work, '90');
    await userEvent.click(screen.getByRole('button', { name: 'Create room' }));

    expect(create).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Room name')).toHaveAccessibleDescription(
      'Only letters, digits, _ and - are allowed.',
    );
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription('Required.');
    expect(work).toHaveAccessibleDescription('A whole number from 1 to 60.');
    expect(work).toBeInvalid();
  });

  it('sends the settings and keeps the host token for the new room', async () => {
    const onCreated = vi.fn();
    create.mockResolvedValue({
      room_id: 'r-1',
      participant: { participant_id: 'p-1', user_name: 'Mina', is_host: true, token: 'tok' },
    } as CreatedRoom);
    render(<CreateRoomForm onCreated={onCreated} />);
    await fill('team-alpha', '  Mina ');
    await userEvent.click(screen.getByRole('switch', { name: 'Everyone may control the timer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create room' }));

    expect(create).toHaveBeenCalledWith({
      room_name: 'team-alpha',
      host_name: 'Mina',
      work_duration_minutes: 25,
      break_duration_minutes: 5,
      long_break_duration_minutes: 15,
      long_break_interval: 4,
      auto_start_break: true,
      auto_start_work: false,
      allow_all_control: true,
      max_participants: 50,
    });
    expect(onCreated).toHaveBeenCalled();
    expect(JSON.parse(localStorage.getItem('focusmate.room.r-1') ?? '{}')).toMatchObject({ token: 'tok' });
  });

  it('shows the server’s refusals beside the fields they name', async () => {
    create.mockRejectedValueOnce(new ApiError('ROOM_NAME_TAKEN', 'Taken.', 409));
    render(<CreateRoomForm onCreated={vi.fn()} />);
    await fill('team-alpha', 'Mina');
    await userEvent.click(screen.getByRole('button', { name: 'Create room' }));
    expect(screen.getByLabelText('Room name')).toHaveAccessibleDescription(
      'A room with this name already exists.',
    );

    create.mockRejectedValueOnce(
      new ApiError('VALIDATION_ERROR', 'Invalid.', 422, { host_name: ["'Host Name' must not be empty."] }),
    );
    await userEvent.type(screen.getByLabelText('Room name'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Create room' }));
    expect(screen.getByLabelText('Your name')).toHaveAccessibleDescription("'Host Name' must not be empty.");
    expect(screen.getByText('Please fix the highlighted fields.')).toBeVisible();
  });
});
