import { BusyNote } from '@/components/busy-note';
import { ApiError } from '@/lib/api-client';
import { useT, type Translate } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';

import styles from './control-notes.module.css';
import { timerMessages, type TimerMessageKey } from '../messages';

interface ControlNotesProps {
  reasonId: string;
  /** Why the controls are disabled for this participant; undefined when they may use them. */
  disabledReason: string | undefined;
  /** The server asked to wait: when the command goes again by itself (local ms). */
  retryAt: number | undefined;
  /** Why the latest command failed, if it did. */
  failure: unknown;
}

const errorMessages: Partial<Record<ApiError['code'], TimerMessageKey>> = {
  TIMER_ALREADY_RUNNING: 'error.timerAlreadyRunning',
  TIMER_NOT_RUNNING: 'error.timerNotRunning',
  FORBIDDEN: 'error.forbidden',
  NETWORK_ERROR: 'error.network',
};

/** Why a command failed, in the current language (a refusal for now, after its retries, says how long). */
function failureText(error: unknown, t: Translate<TimerMessageKey>): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.isBusy) return busyMessage(error, t);
  return t(errorMessages[error.code] ?? 'error.generic');
}

/** Under the buttons: why they are disabled (or the shortcuts), a wait, or what went wrong. */
export function ControlNotes({ reasonId, disabledReason, retryAt, failure }: ControlNotesProps) {
  const t = useT(timerMessages);
  return (
    <>
      {disabledReason !== undefined ? (
        <p id={reasonId} className={styles.reason}>
          {disabledReason}
        </p>
      ) : (
        <p className={styles.hint}>{t('timer.shortcuts')}</p>
      )}
      {retryAt !== undefined && <BusyNote retryAt={retryAt} className={styles.busy} />}
      {failure !== undefined && (
        <p className={styles.error} role="alert">
          {failureText(failure, t)}
        </p>
      )}
    </>
  );
}
