import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { apiRequest } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import { useLanguageStore } from '@/lib/i18n/language';
import { participant } from '@/testing/participant';
import { timerState } from '@/testing/timer-state';

import { ParticipantList } from './participant-list';
import { useParticipantsStore } from '../stores/participants-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));
vi.mock('@/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  apiRequest: vi.fn(),
}));

const roomId = 'room-1';
const focusing = timerState({ session_type: 'work', status: 'running' });
const host = participant('ana', { user_name: 'Ana', is_host: true });
const ben = participant('ben', { user_name: 'Ben' });
const cleo = participant('cleo', { user_name: 'Cleo', status: 'away', status_source: 'self' });
const dan = participant('dan', { user_name: 'Dan', online: false });

function renderList(me: string, phase = focusing) {
  return render(<ParticipantList roomId={roomId} myParticipantId={me} token="tok" phase={phase} />);
}

const row = (name: string) => screen.getByText(name, { selector: '.participant__name' }).closest('li')!;

describe('ParticipantList', () => {
  beforeEach(() => useParticipantsStore.getState().setParticipants([host, ben, cleo, dan]));
  afterEach(() => {
    vi.mocked(apiRequest).mockReset();
    vi.mocked(invokeRoomHub).mockReset();
    useLanguageStore.getState().setLanguage('en');
  });

  it('shows each status next to the name, derived from the phase for those following the room', () => {
    renderList('ben');
    expect(within(row('Ana')).getByText('Focusing')).toBeInTheDocument();
    expect(within(row('Cleo')).getByText('Away')).toBeInTheDocument();
    expect(within(row('Dan')).getByText('Offline')).toBeInTheDocument();
    expect(screen.getByTestId('status-summary')).toHaveTextContent('2 focusing, 1 away · 1 offline');
  });

  it('follows the phase without any update from the server', () => {
    const { rerender } = renderList('ben');
    rerender(
      <ParticipantList
        roomId={roomId}
        myParticipantId="ben"
        token="tok"
        phase={timerState({ session_type: 'break', status: 'running' })}
      />,
    );
    expect(within(row('Ana')).getByText('On a break')).toBeInTheDocument();
    expect(screen.getByTestId('status-summary')).toHaveTextContent('2 on a break, 1 away · 1 offline');
  });

  it('counts in Korean', () => {
    useLanguageStore.getState().setLanguage('ko');
    renderList('ben');
    expect(screen.getByTestId('status-summary')).toHaveTextContent(
      '집중 중 2명, 자리 비움 1명 · 오프라인 1명',
    );
  });

  it('gives the host remove and make-host controls on everyone else’s row', () => {
    renderList('ana');
    for (const name of ['Ben', 'Cleo', 'Dan']) {
      expect(screen.getByRole('button', { name: `Remove ${name} from the room` })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: `Make ${name} the host` })).toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: 'Remove Ana from the room' })).not.toBeInTheDocument();
  });

  it('gives a participant who is not the host no such controls', () => {
    renderList('ben');
    expect(screen.queryByRole('button', { name: /from the room$/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /the host$/ })).not.toBeInTheDocument();
  });

  it('removes only after confirmation, with the host token, and takes the person off the list', async () => {
    vi.mocked(apiRequest).mockResolvedValue(undefined);
    renderList('ana');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Ben from the room' }));
    expect(apiRequest).not.toHaveBeenCalled();
    await userEvent.click(
      within(screen.getByRole('alertdialog', { name: 'Remove Ben?' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    expect(apiRequest).toHaveBeenCalledWith('DELETE', '/rooms/room-1/participants/ben', { token: 'tok' });
    expect(screen.queryByText('Ben', { selector: '.participant__name' })).not.toBeInTheDocument();
  });

  it('hands the host role over after confirmation, and the controls leave with it', async () => {
    vi.mocked(invokeRoomHub).mockResolvedValue({ ...ben, is_host: true });
    renderList('ana');
    await userEvent.click(screen.getByRole('button', { name: 'Make Ben the host' }));
    await userEvent.click(screen.getByRole('button', { name: 'Make host' }));
    expect(invokeRoomHub).toHaveBeenCalledWith('transfer_host', 'ben');
    expect(within(row('Ben')).getByText('Host')).toBeInTheDocument();
    expect(within(row('Ana')).queryByText('Host')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /from the room$/ })).not.toBeInTheDocument();
  });

  it('sets my status, and null follows the room again', async () => {
    vi.mocked(invokeRoomHub).mockResolvedValue({ ...ben, status: 'away', status_source: 'self' });
    renderList('ben');
    await userEvent.selectOptions(screen.getByLabelText('My status'), 'away');
    expect(invokeRoomHub).toHaveBeenCalledWith('set_status', 'away');
    expect(within(row('Ben')).getByText('Away')).toBeInTheDocument();

    vi.mocked(invokeRoomHub).mockResolvedValue({ ...ben, status: 'focusing', status_source: 'room' });
    await userEvent.selectOptions(screen.getByLabelText('My status'), 'room');
    expect(invokeRoomHub).toHaveBeenLastCalledWith('set_status', null);
    expect(screen.getByLabelText('My status')).toHaveDisplayValue('Follow the room');
  });
});
