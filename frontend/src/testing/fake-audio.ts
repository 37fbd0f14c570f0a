// A stand-in for an unlocked AudioContext that records what was played: each tone's wave and pitch, and
// the loudest its gain was ramped to.

export interface PlayedTone {
  wave: OscillatorType;
  frequency: number;
  peak: number;
  at: number;
}

export function fakeAudio() {
  const played: PlayedTone[] = [];
  const audio = {
    currentTime: 10,
    destination: {},
    createOscillator() {
      const tone = {
        type: 'sine' as OscillatorType,
        frequency: { value: 0 },
        connect: (gain: { record: (tone: PlayedTone) => void }) => {
          gain.record({ wave: tone.type, frequency: tone.frequency.value, peak: 0, at: 0 });
          return gain;
        },
        start: () => undefined,
        stop: () => undefined,
      };
      return tone;
    },
    createGain() {
      let peak = 0;
      let at = 0;
      return {
        gain: {
          setValueAtTime: (_value: number, time: number) => {
            at = time;
          },
          exponentialRampToValueAtTime: (value: number) => {
            peak = Math.max(peak, value);
          },
        },
        record: (tone: PlayedTone) => played.push({ ...tone, peak, at }),
        connect: () => undefined,
      };
    },
  };
  return { audio: audio as unknown as AudioContext, played };
}
