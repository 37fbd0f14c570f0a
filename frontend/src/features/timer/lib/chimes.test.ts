import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { unlockedAudio } from '@/lib/audio';
import { fakeAudio } from '@/testing/fake-audio';

import { announcePhaseEnd } from './announce-phase-end';
import { chimes } from './chimes';
import { useSoundStore } from '../stores/sound-store';
import { useTimerStore } from '../stores/timer-store';

vi.mock('@/lib/audio', () => ({ unlockedAudio: vi.fn() }));

const workEnded = { completed_session_type: 'work', next_session_type: 'break', auto_start: true } as const;

describe('the phase-end chime', () => {
  let played: ReturnType<typeof fakeAudio>['played'];
  beforeEach(() => {
    const fake = fakeAudio();
    played = fake.played;
    vi.mocked(unlockedAudio).mockReturnValue(fake.audio);
  });
  afterEach(() => {
    useSoundStore.setState({ chime: 'bell', volume: 0.7 });
    if (useTimerStore.getState().muted) useTimerStore.getState().toggleMuted();
  });

  it('is the chosen one, at the chosen volume, when a phase ends', () => {
    useSoundStore.getState().setChime('marimba');
    useSoundStore.getState().setVolume(0.4);
    announcePhaseEnd(workEnded);
    expect(played.map((tone) => tone.frequency)).toEqual([523.25, 659.25, 783.99]);
    expect(played.every((tone) => tone.wave === 'triangle')).toBe(true);
    for (const tone of played) expect(tone.peak).toBeCloseTo(chimes.marimba.peak * 0.4);
  });

  it('each of the three sounds different', () => {
    for (const chime of ['bell', 'marimba', 'soft'] as const) {
      useSoundStore.getState().setChime(chime);
      announcePhaseEnd(workEnded);
    }
    const tunes = [2, 3, 1].reduce<number[][]>(
      (all, count) => [...all, played.splice(0, count).map((tone) => tone.frequency)],
      [],
    );
    expect(tunes).toEqual([[659.25, 880], [523.25, 659.25, 783.99], [440]]);
  });

  it('is silent when muted or at volume 0', () => {
    useTimerStore.getState().toggleMuted();
    announcePhaseEnd(workEnded);
    useTimerStore.getState().toggleMuted();
    useSoundStore.getState().setVolume(0);
    announcePhaseEnd(workEnded);
    expect(played).toEqual([]);
  });

  it('is remembered per browser (localStorage), with the bell at 70% until chosen', async () => {
    expect(useSoundStore.getState()).toMatchObject({ chime: 'bell', volume: 0.7 });
    useSoundStore.getState().setChime('soft');
    useSoundStore.getState().setVolume(0.25);
    expect(localStorage.getItem('focusmate.chime')).toBe('soft');
    expect(localStorage.getItem('focusmate.volume')).toBe('0.25');
    vi.resetModules();
    const reloaded = await import('../stores/sound-store');
    expect(reloaded.useSoundStore.getState()).toMatchObject({ chime: 'soft', volume: 0.25 });
  });
});
