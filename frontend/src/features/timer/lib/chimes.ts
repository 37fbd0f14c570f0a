// The phase-end chimes: three short tunes synthesised with Web Audio (no sound files to fetch), each played
// at the volume the person chose.

export type ChimeName = 'bell' | 'marimba' | 'soft';

export const chimeNames: readonly ChimeName[] = ['bell', 'marimba', 'soft'];

interface Note {
  /** Hz. */
  frequency: number;
  /** Seconds after the chime starts. */
  at: number;
  /** Seconds until it has faded out. */
  length: number;
}

interface Chime {
  wave: OscillatorType;
  notes: Note[];
  /** Loudness at full volume (a sine needs more than a triangle to sound as loud). */
  peak: number;
}

export const chimes: Record<ChimeName, Chime> = {
  // Two soft tones, E5 then A5: the chime the app always had.
  bell: {
    wave: 'sine',
    peak: 0.25,
    notes: [
      { frequency: 659.25, at: 0, length: 0.6 },
      { frequency: 880, at: 0.22, length: 0.6 },
    ],
  },
  // A rising C major arpeggio, short and woody.
  marimba: {
    wave: 'triangle',
    peak: 0.3,
    notes: [
      { frequency: 523.25, at: 0, length: 0.35 },
      { frequency: 659.25, at: 0.12, length: 0.35 },
      { frequency: 783.99, at: 0.24, length: 0.5 },
    ],
  },
  // One low, long tone (A4) that fades slowly: for quiet rooms.
  soft: {
    wave: 'sine',
    peak: 0.2,
    notes: [{ frequency: 440, at: 0, length: 1.4 }],
  },
};

/** Plays a chime on `audio` at `volume` (0–1); silent at 0. */
export function playChimeOn(audio: BaseAudioContext, name: ChimeName, volume: number): void {
  const chime = chimes[name];
  const loudness = Math.min(1, Math.max(0, volume)) * chime.peak;
  if (loudness <= 0) return;
  const start = audio.currentTime;
  for (const note of chime.notes) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    const at = start + note.at;
    tone.type = chime.wave;
    tone.frequency.value = note.frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(loudness, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + note.length);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + note.length + 0.05);
  }
}
