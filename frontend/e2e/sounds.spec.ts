// The phase-end sound: the chime and the volume chosen in the sounds and notifications dialog are the ones
// played when a phase ends, and the choice is remembered by the browser.
import type { Page } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { createRoom, timerStatus } from './support/room';

interface Tone {
  frequency: number;
  peak: number;
}

/** Records every tone the page's Web Audio plays: its pitch and the loudest its gain was ramped to. */
function recordTones(): void {
  const tones: Tone[] = [];
  (window as unknown as { tones: Tone[] }).tones = tones;
  // The originals, taken off the prototypes (to be called with the page's own `this`).
  const original = <T>(proto: object, name: string) =>
    Object.getOwnPropertyDescriptor(proto, name)?.value as (this: T, ...args: unknown[]) => unknown;
  const createGain = original<AudioContext>(BaseAudioContext.prototype, 'createGain');
  const connect = original<OscillatorNode>(AudioNode.prototype, 'connect');
  AudioContext.prototype.createGain = function (this: AudioContext) {
    const gain = createGain.call(this) as GainNode;
    const ramp = gain.gain.exponentialRampToValueAtTime.bind(gain.gain);
    const tone: Tone = { frequency: 0, peak: 0 };
    gain.gain.exponentialRampToValueAtTime = (value: number, endTime: number) => {
      tone.peak = Math.max(tone.peak, value);
      return ramp(value, endTime);
    };
    (gain as unknown as { tone: Tone }).tone = tone;
    return gain;
  };
  OscillatorNode.prototype.connect = function (this: OscillatorNode, node: AudioNode) {
    const tone = (node as unknown as { tone?: Tone }).tone;
    if (tone) {
      tone.frequency = this.frequency.value;
      tones.push(tone);
    }
    return connect.call(this, node) as AudioNode;
  } as OscillatorNode['connect'];
}

const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: Tone[] }).tones);

test('the chosen chime at the chosen volume plays at the phase end, and the choice is remembered', async ({
  openPerson,
  backend,
}) => {
  const page = await openPerson();
  await page.addInitScript(recordTones);
  await createRoom(page, { work: 1 });

  await page.getByRole('button', { name: 'Sounds and notifications' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sounds and notifications' });
  await dialog.getByRole('radio', { name: 'Marimba' }).check();
  await dialog.getByRole('slider', { name: 'Volume' }).fill('40');
  await expect(dialog.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '40%');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(page)).toHaveText('In progress');
  await backend.advanceClock(61);
  await expect(page.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect.poll(async () => (await tones(page)).length).toBe(3);
  const played = await tones(page);
  // The marimba: C5, E5, G5, each at 40% of its full loudness (AudioParams hold 32-bit floats).
  [523.25, 659.25, 783.99].forEach((frequency, i) => expect(played[i]?.frequency).toBeCloseTo(frequency, 2));
  for (const tone of played) expect(tone.peak).toBeCloseTo(0.3 * 0.4, 5);

  // Another room, another day: the same browser keeps the choice.
  await page.reload();
  await page.getByRole('button', { name: 'Sounds and notifications' }).click();
  await expect(dialog.getByRole('radio', { name: 'Marimba' })).toBeChecked();
  await expect(dialog.getByRole('slider', { name: 'Volume' })).toHaveValue('40');
});
