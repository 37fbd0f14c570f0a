import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, apiRequest } from '@/lib/api-client';
import { useLanguageStore } from '@/lib/i18n/language';
import { timerState } from '@/testing/timer-state';
import type { AuditEntry, Room } from '@/types/api';

import { RecentChangesDialog } from './recent-changes-dialog';
import { SettingsDialog } from './settings-dialog';

vi.mock('@/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  apiRequest: vi.fn(),
}));

const now = Date.parse('2026-01-02T12:00:00Z');
const entries: AuditEntry[] = [
  {
    entry_id: 'e2',
    at: '2026-01-02T11:58:00Z',
    actor_id: 'p1',
    actor_name: '<b>Mina</b>',
    action: 'timer_reset',
    details: '',
  },
  {
    entry_id: 'e1',
    at: '2026-01-02T11:00:00Z',
    actor_id: 'p1',
    actor_name: '<b>Mina</b>',
    action: 'settings_changed',
    details: 'work_duration_minutes 25 → 50',
  },
];
const room = {
  room_id: 'room-1',
  room_name: 'team',
  work_duration_minutes: 25,
  break_duration_minutes: 5,
  long_break_duration_minutes: 15,
  long_break_interval: 4,
  auto_start_break: true,
  auto_start_work: false,
  allow_all_control: false,
  max_participants: 50,
  timer_state: timerState(),
} as Room;

describe('Recent changes', () => {
  afterEach(() => {
    vi.mocked(apiRequest).mockReset();
    useLanguageStore.getState().setLanguage('en');
  });

  it('a member opens them read-only: newest first, who did what, how long ago on the server’s clock', async () => {
    vi.mocked(apiRequest).mockResolvedValue(entries);
    render(<RecentChangesDialog roomId="room-1" token="tok" now={() => now} />);
    await userEvent.click(screen.getByRole('button', { name: 'Recent changes in this room' }));
    const dialog = screen.getByRole('dialog', { name: 'Recent changes' });
    const items = await within(dialog).findAllByRole('listitem');
    expect(apiRequest).toHaveBeenCalledWith('GET', '/rooms/room-1/audit?limit=20', { token: 'tok' });
    expect(items[0]).toHaveTextContent('<b>Mina</b> reset the timer2 minutes ago');
    expect(within(dialog).getByText('<b>Mina</b> changed the settings')).toBeInTheDocument();
    expect(within(dialog).getByText('Focus: 25 → 50')).toBeInTheDocument();
    expect(within(dialog).getByText('1 hour ago')).toHaveAttribute('datetime', '2026-01-02T11:00:00Z');
    // Names are text, never markup.
    expect(document.querySelector('.audit b')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: /save/i })).not.toBeInTheDocument();
  });

  it('loads afresh each time it opens', async () => {
    vi.mocked(apiRequest).mockResolvedValue([]);
    render(<RecentChangesDialog roomId="room-1" token="tok" now={() => now} />);
    await userEvent.click(screen.getByRole('button', { name: 'Recent changes in this room' }));
    expect(await screen.findByText('No changes yet.')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    vi.mocked(apiRequest).mockResolvedValue(entries);
    await userEvent.click(screen.getByRole('button', { name: 'Recent changes in this room' }));
    expect(await screen.findByText('<b>Mina</b> reset the timer')).toBeInTheDocument();
    expect(apiRequest).toHaveBeenCalledTimes(2);
  });

  it('says when they could not be loaded, and loads again on request', async () => {
    vi.mocked(apiRequest).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'down', 0));
    render(<RecentChangesDialog roomId="room-1" token="tok" now={() => now} />);
    await userEvent.click(screen.getByRole('button', { name: 'Recent changes in this room' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The recent changes could not be loaded.');
    vi.mocked(apiRequest).mockResolvedValue(entries);
    await userEvent.click(screen.getByRole('button', { name: 'Load again' }));
    expect(await screen.findByText('<b>Mina</b> reset the timer')).toBeInTheDocument();
  });

  it('the host finds them in the settings dialog, under the settings, in Korean too', async () => {
    useLanguageStore.getState().setLanguage('ko');
    vi.mocked(apiRequest).mockResolvedValue(entries);
    render(<SettingsDialog room={room} token="tok" now={() => now} />);
    await userEvent.click(screen.getByRole('button', { name: '방 설정' }));
    const dialog = screen.getByRole('dialog', { name: '방 설정' });
    const section = within(dialog).getByRole('region', { name: '최근 변경 내역' });
    expect(await within(section).findByText('<b>Mina</b> 님이 타이머를 초기화했습니다')).toBeInTheDocument();
    expect(within(section).getByText('집중: 25 → 50')).toBeInTheDocument();
    expect(within(section).getByText('2분 전')).toBeInTheDocument();
  });
});
