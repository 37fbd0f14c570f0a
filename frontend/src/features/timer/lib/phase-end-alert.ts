// What happens in the browser at a phase end besides the banner: the chosen chime and a notification.
import { unlockedAudio } from '@/lib/audio';
import type { SessionType } from '@/types/api';

import { playChimeOn } from './chimes';
import { useSoundStore } from '../stores/sound-store';

/** The chosen chime at the chosen volume; nothing if audio was never unlocked. */
export function playChime(): void {
  const audio = unlockedAudio();
  if (!audio) return;
  const { chime, volume } = useSoundStore.getState();
  playChimeOn(audio, chime, volume);
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
