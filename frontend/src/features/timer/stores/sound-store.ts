import { create } from 'zustand';

import { chimeNames, type ChimeName } from '../lib/chimes';

// Remembered per browser, for every room.
const chimeKey = 'focusmate.chime';
const volumeKey = 'focusmate.volume';
export const defaultVolume = 0.7;

function read<T>(key: string, parse: (raw: string) => T | undefined, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return (raw === null ? undefined : parse(raw)) ?? fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const parseChime = (raw: string) => chimeNames.find((name) => name === raw);
const parseVolume = (raw: string) => {
  const volume = Number(raw);
  return raw.trim() !== '' && volume >= 0 && volume <= 1 ? volume : undefined;
};

interface SoundState {
  chime: ChimeName;
  /** 0–1. */
  volume: number;
  setChime: (chime: ChimeName) => void;
  setVolume: (volume: number) => void;
}

export const useSoundStore = create<SoundState>()((set) => ({
  chime: read(chimeKey, parseChime, 'bell'),
  volume: read(volumeKey, parseVolume, defaultVolume),
  setChime: (chime) => {
    write(chimeKey, chime);
    set({ chime });
  },
  setVolume: (volume) => {
    const clamped = Math.min(1, Math.max(0, volume));
    write(volumeKey, String(clamped));
    set({ volume: clamped });
  },
}));
