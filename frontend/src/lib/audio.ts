// Browsers only let a page make sound after the user has interacted with it. The audio context is
// created on the first click or key press anywhere in the app (often on the home page, before the
// room is open), so a phase-end sound can play later, even from a background tab.
let context: AudioContext | undefined;

export function unlockAudioOnFirstGesture(): void {
  const unlock = () => {
    if (typeof AudioContext === 'undefined') return;
    context ??= new AudioContext();
    void context.resume();
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
}

/** The unlocked audio context, or undefined before the first gesture. */
export function unlockedAudio(): AudioContext | undefined {
  return context?.state === 'running' ? context : undefined;
}
