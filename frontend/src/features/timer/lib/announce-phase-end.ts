import { translateNow } from '@/lib/i18n/translate';
import type { LastCompletion, TimerComplete, TimerState } from '@/types/api';

import { phaseEndMessage, playChime, showPhaseEndNotification } from './phase-end-alert';
import {
  isAnnouncedAlready,
  isMissedPhaseEnd,
  lastAnnouncedPhaseEnd,
  rememberPhaseEnd,
} from './phase-end-memory';
import { timerMessages } from '../messages';
import { useTimerStore, type PhaseCompletion } from '../stores/timer-store';

/** A phase ran to its end: banner, chime (unless muted) and a browser notification. */
export function announcePhaseEnd(completion: PhaseCompletion): void {
  const store = useTimerStore.getState();
  store.phaseEnded(completion);
  if (!store.muted) playChime();
  showPhaseEndNotification(
    translateNow(timerMessages, 'title.app'),
    translateNow(timerMessages, phaseEndMessage(completion.completed_session_type)),
  );
}

/** A live `timer_complete`, sent at `sentAtMs` (server clock): announced unless a join just did. */
export function announceLivePhaseEnd(roomId: string, completion: TimerComplete, sentAtMs: number): void {
  const announced = lastAnnouncedPhaseEnd(roomId);
  rememberPhaseEnd(roomId, sentAtMs);
  if (!isAnnouncedAlready(sentAtMs, announced)) announcePhaseEnd(completion);
}

/**
 * After a (re)join: the room's last phase end, if it ended within the last minute on the server's
 * clock and this page has not announced it (its `timer_complete` was lost to a reconnect or a crash).
 * Not after a reset: the room has moved on. Says whether it announced.
 */
export function announceMissedPhaseEnd(
  roomId: string,
  last: LastCompletion | null | undefined,
  timer: TimerState,
  serverNowMs: number,
): boolean {
  if (!last || timer.status === 'idle') return false;
  const completedAt = Date.parse(last.completed_at);
  if (!isMissedPhaseEnd(completedAt, serverNowMs, lastAnnouncedPhaseEnd(roomId))) return false;
  rememberPhaseEnd(roomId, completedAt);
  announcePhaseEnd({
    completed_session_type: last.completed_session_type,
    // What the room shows now: the phase that is next (completed) or already running.
    next_session_type: timer.session_type,
    auto_start: timer.status === 'running',
  });
  return true;
}
