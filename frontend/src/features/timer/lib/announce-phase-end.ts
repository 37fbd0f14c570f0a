import { translateNow } from '@/lib/i18n';
import type { TimerComplete } from '@/types/api';

import { phaseEndMessage, playChime, showPhaseEndNotification } from './phase-end-alert';
import { useTimerStore } from '../stores/timer-store';

/** A phase ran to its end: banner, chime (unless muted) and a browser notification. */
export function announcePhaseEnd(completion: TimerComplete): void {
  const store = useTimerStore.getState();
  store.phaseEnded(completion);
  if (!store.muted) playChime();
  showPhaseEndNotification(
    translateNow('app.name'),
    translateNow(phaseEndMessage(completion.completed_session_type)),
  );
}
