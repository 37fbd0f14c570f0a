// What happens in the browser at a phase end besides the banner: a short chime and a notification.
import { unlockedAudio } from '@/lib/audio';
import type { SessionType } from '@/types/api';

/** Two soft tones (E5 then A5); nothing if audio was never unlocked. */
export function playChime(): void {
  const audio = unlockedAudio();
  if (!audio) return;
  const start = audio.currentTime;
  [659.25, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    const at = start + i * 0.22;
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.65);
  });
}

export type NotificationAccess = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationAccess(): NotificationAccess {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Must be called from a click: browsers ignore permission requests that no user action caused. */
export async function requestNotificationAccess(): Promise<NotificationAccess> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function showPhaseEndNotification(title: string, body: string): void {
  if (notificationAccess() !== 'granted') return;
  try {
    new Notification(title, { body, tag: 'focusmate-phase-end' });
  } catch {
    // Some mobile browsers only notify through a service worker; the banner and title still tell.
  }
}

/** The phase-end message key for a phase that just finished. */
export function phaseEndMessage(completed: SessionType): 'phaseEnd.work' | 'phaseEnd.break' {
  return completed === 'work' ? 'phaseEnd.work' : 'phaseEnd.break';
}
