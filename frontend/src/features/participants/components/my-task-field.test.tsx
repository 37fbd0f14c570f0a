import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import { useLanguageStore } from '@/lib/i18n/language';
import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';
import type { Participant } from '@/types/api';

import { ParticipantList } from './participant-list';
import { useParticipantsStore } from '../stores/participants-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));

const ana = participant('ana', { user_name: 'Ana', is_host: true, task: 'Release notes' });
const ben = participant('ben', { user_name: 'Ben' });

const renderList = () =>
  render(<ParticipantList roomId="room-1" myParticipantId="ben" token="tok" phase={timerState()} />);
const row = (name: string) => screen.getByText(name, { selector: '.participant__name' }).closest('li')!;
const field = () => screen.getByRole('textbox', { name: 'Working on' });
/** The server's answer to set_task: me with the task as kept (trimmed, null when empty). */
const answerWithTask = () =>
  vi.mocked(invokeRoomHub).mockImplementation((_method, ...args: unknown[]) => {
    const task = args[0] as string | null;
    return Promise.resolve({ ...ben, task } satisfies Participant);
  });

describe('what each person is working on', () => {
  beforeEach(() => useParticipantsStore.getState().setParticipants([ana, ben]));
  afterEach(() => {
    vi.mocked(invokeRoomHub).mockReset();
    useLanguageStore.getState().setLanguage('en');
  });

  it('shows next to the name, and follows participant_update live', () => {
    renderList();
    expect(within(row('Ana')).getByTestId('participant-task')).toHaveTextContent('Working on: Release notes');
    expect(within(row('Ben')).queryByTestId('participant-task')).not.toBeInTheDocument();
    act(() =>
      useParticipantsStore.getState().applyUpdate({
        action: 'task',
        participant: { ...ana, task: 'Pairing with Jun' },
        current_count: 2,
      }),
    );
    expect(within(row('Ana')).getByTestId('participant-task')).toHaveTextContent('Pairing with Jun');
  });

  it('is set for me over the hub, trimmed, with Enter, and announced', async () => {
    answerWithTask();
    renderList();
    await userEvent.type(field(), '  Reviewing the onboarding flow {Enter}');
    expect(invokeRoomHub).toHaveBeenCalledWith('set_task', 'Reviewing the onboarding flow');
    expect(await within(row('Ben')).findByTestId('participant-task')).toHaveTextContent(
      'Reviewing the onboarding flow',
    );
    expect(field()).toHaveValue('Reviewing the onboarding flow');
    expect(field()).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
  });

  it('is cleared with Clear (null to the hub)', async () => {
    answerWithTask();
    useParticipantsStore.getState().setParticipants([ana, { ...ben, task: 'Old task' }]);
    renderList();
    expect(field()).toHaveValue('Old task');
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(invokeRoomHub).toHaveBeenCalledWith('set_task', null);
    expect(within(row('Ben')).queryByTestId('participant-task')).not.toBeInTheDocument();
    expect(field()).toHaveValue('');
  });

  it('keeps to the rules of names: 80 characters, nothing hidden; refused ones are not sent', async () => {
    renderList();
    await userEvent.type(field(), 'a'.repeat(81));
    expect(screen.getByRole('alert')).toHaveTextContent('Use at most 80 characters.');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.type(field(), '{Enter}');
    await userEvent.clear(field());
    await userEvent.type(field(), 'invoice\u202Efdp.exe');
    expect(screen.getByRole('alert')).toHaveTextContent('Write something visible');
    expect(invokeRoomHub).not.toHaveBeenCalled();
  });

  it('says so when it could not be saved, and keeps the draft', async () => {
    vi.mocked(invokeRoomHub).mockRejectedValue(new ApiError('NETWORK_ERROR', 'down', 0));
    renderList();
    await userEvent.type(field(), 'Docs{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be saved');
    expect(field()).toHaveValue('Docs');
  });

  it('speaks Korean', () => {
    useLanguageStore.getState().setLanguage('ko');
    renderList();
    expect(screen.getByRole('textbox', { name: '하는 일' })).toBeInTheDocument();
    expect(within(row('Ana')).getByTestId('participant-task')).toHaveTextContent('하는 일: Release notes');
  });
});
