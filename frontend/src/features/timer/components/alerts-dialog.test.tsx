import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { unlockedAudio } from '@/lib/audio';
import { useLanguageStore } from '@/lib/i18n/language';
import { fakeAudio } from '@/testing/fake-audio';

import { AlertToggles } from './alert-toggles';
import { useSoundStore } from '../stores/sound-store';
import { useTimerStore } from '../stores/timer-store';

vi.mock('@/lib/audio', () => ({ unlockedAudio: vi.fn() }));

async function openDialog() {
  render(<AlertToggles more={<p>Pushes go here</p>} />);
  await userEvent.click(screen.getByRole('button', { name: 'Sounds and notifications' }));
  return screen.getByRole('dialog', { name: 'Sounds and notifications' });
}

describe('the sounds and notifications dialog', () => {
  let played: ReturnType<typeof fakeAudio>['played'];
  beforeEach(() => {
    const fake = fakeAudio();
    played = fake.played;
    vi.mocked(unlockedAudio).mockReturnValue(fake.audio);
  });
  afterEach(() => {
    useSoundStore.setState({ chime: 'bell', volume: 0.7 });
    if (useTimerStore.getState().muted) useTimerStore.getState().toggleMuted();
    useLanguageStore.getState().setLanguage('en');
  });

  it('chooses one of three chimes and a volume, remembered in this browser, and plays it to try', async () => {
    const dialog = await openDialog();
    const chimes = within(dialog).getByRole('group', { name: 'Chime' });
    expect(
      within(chimes)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['bell', 'marimba', 'soft']);
    await userEvent.click(within(chimes).getByRole('radio', { name: 'Soft' }));
    fireEvent.change(within(dialog).getByRole('slider', { name: 'Volume' }), { target: { value: '30' } });
    expect(localStorage.getItem('focusmate.chime')).toBe('soft');
    expect(localStorage.getItem('focusmate.volume')).toBe('0.3');
    expect(within(dialog).getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '30%');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Play' }));
    expect(played).toHaveLength(1);
    expect(played[0]?.frequency).toBe(440);
    expect(played[0]?.peak).toBeCloseTo(0.2 * 0.3);
  });

  it('turns the sound off and on with the toolbar’s button too', async () => {
    const dialog = await openDialog();
    const sound = within(dialog).getByRole('switch', { name: 'Play a chime when a phase ends' });
    expect(sound).toBeChecked();
    await userEvent.click(sound);
    expect(useTimerStore.getState().muted).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Play' })).toBeDisabled();
  });

  it('holds what the room adds (its pushes) and speaks Korean', async () => {
    useLanguageStore.getState().setLanguage('ko');
    render(<AlertToggles more={<p>Pushes go here</p>} />);
    await userEvent.click(screen.getByRole('button', { name: '소리와 알림' }));
    const dialog = screen.getByRole('dialog', { name: '소리와 알림' });
    expect(within(dialog).getByText('Pushes go here')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: '마림바' })).toBeInTheDocument();
  });
});
