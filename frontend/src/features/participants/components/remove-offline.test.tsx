import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError, apiRequest } from '@/lib/api-client';
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

const host = participant('ana', { user_name: 'Ana', is_host: true });
const ben = participant('ben', { user_name: 'Ben' });
const cleo = participant('cleo', { user_name: 'Cleo', online: false });
const dan = participant('dan', { user_name: 'Dan', online: false });

const people = (...list: ReturnType<typeof participant>[]) =>
  useParticipantsStore.getState().setParticipants(list);
const renderList = (me: string) =>
  render(<ParticipantList roomId="room-1" myParticipantId={me} token="tok" phase={timerState()} />);
const button = () => screen.queryByRole('button', { name: /^Remove offline/ });

describe('Remove everyone offline', () => {
  beforeEach(() => people(host, ben, cleo, dan));
  afterEach(() => {
    vi.mocked(apiRequest).mockReset();
    useLanguageStore.getState().setLanguage('en');
  });

  it('is offered to the host while someone is offline, with how many', () => {
    renderList('ana');
    expect(button()).toHaveTextContent('Remove offline (2)');
  });

  it('is not offered to someone who is not the host', () => {
    renderList('ben');
    expect(button()).not.toBeInTheDocument();
  });

  it('is not offered when everyone else is online, even if the host is the one offline here', () => {
    people({ ...host, online: false }, ben);
    renderList('ana');
    expect(button()).not.toBeInTheDocument();
  });

  it('asks first, naming how many and who; Cancel sends nothing', async () => {
    renderList('ana');
    await userEvent.click(button()!);
    const dialog = screen.getByRole('alertdialog', { name: 'Remove 2 offline participants?' });
    expect(dialog).toHaveTextContent('Not connected right now: Cleo, Dan.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(apiRequest).not.toHaveBeenCalled();
  });

  it('removes them with the host token, takes them off the list and says how many went', async () => {
    vi.mocked(apiRequest).mockResolvedValue({ removed: ['cleo', 'dan'] });
    renderList('ana');
    await userEvent.click(button()!);
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(apiRequest).toHaveBeenCalledWith('DELETE', '/rooms/room-1/participants/offline', { token: 'tok' });
    expect(await screen.findByText('Removed 2 offline participants.')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'In this room' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(button()).not.toBeInTheDocument();
  });

  it('says so when the server cannot tell who is online (SERVICE_BUSY): nobody was removed', async () => {
    vi.mocked(apiRequest).mockRejectedValue(new ApiError('SERVICE_BUSY', 'Busy.', 503, {}, 5));
    renderList('ana');
    await userEvent.click(button()!);
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Who is online cannot be told right now, so nobody was removed.',
    );
    expect(screen.getAllByText(/^(Cleo|Dan)$/)).toHaveLength(2);
  });

  it('speaks Korean', async () => {
    useLanguageStore.getState().setLanguage('ko');
    people(host, ben, cleo);
    renderList('ana');
    await userEvent.click(screen.getByRole('button', { name: '오프라인 내보내기 (1)' }));
    expect(
      screen.getByRole('alertdialog', { name: '오프라인 참여자 1명을 내보낼까요?' }),
    ).toBeInTheDocument();
  });
});
