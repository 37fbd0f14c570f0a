import { useRef, useState } from 'react';

import { BusyNote } from '@/components/busy-note';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PauseIcon, PlayIcon, ResetIcon, SkipIcon } from '@/components/icons';
import { ApiError } from '@/lib/api-client';
import { useT, type Translate } from '@/lib/i18n/translate';
import { busyMessage, SupersededError } from '@/lib/retry';
import type { TimerState } from '@/types/api';

import { primaryCommand, sendTimerCommand, type TimerCommand } from '../api/timer-commands';
import { useTimerShortcuts } from '../hooks/use-timer-shortcuts';
import { timerMessages, type TimerMessageKey } from '../messages';
import styles from './timer-controls.module.css';

interface TimerControlsProps {
  timer: TimerState;
  /** Why the controls are disabled for this participant; undefined when they may use them. */
  disabledReason: string | undefined;
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

const primaryIcons = { start: <PlayIcon />, pause: <PauseIcon />, resume: <PlayIcon /> } as const;

export function TimerControls({ timer, disabledReason }: TimerControlsProps) {
  const t = useT(timerMessages);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [retryAt, setRetryAt] = useState<number>();
  const latestRun = useRef(0);
  const disabled = disabledReason !== undefined;
  const primary = primaryCommand(timer.status);
  const canSkip = timer.status !== 'idle';

  const run = (command: TimerCommand) => {
    const id = ++latestRun.current;
    // Only the latest command speaks: one that was superseded while it waited stays quiet.
    const latest = (apply: () => void) => id === latestRun.current && apply();
    setFailure(undefined);
    setRetryAt(undefined);
    sendTimerCommand(command, { onWait: (at) => latest(() => setRetryAt(at)) }).catch((e: unknown) =>
      latest(() => setFailure(e instanceof SupersededError ? undefined : (e ?? new Error()))),
    );
  };

  useTimerShortcuts(!disabled, {
    toggle: () => run(primary),
    reset: () => setConfirmingReset(true),
    skip: () => canSkip && run('skip'),
  });

  const primaryLabel =
    primary === 'start'
      ? t('timer.startLabel', { phase: t(`phase.${timer.session_type}`) })
      : t(`timer.${primary}`);

  return (
    <div className={styles.controls}>
      <div className={styles.controls__buttons} role="group" aria-label={t('timer.controls')}>
        <Button
          variant="ghost"
          size="lg"
          className={styles.controls__side}
          onClick={() => setConfirmingReset(true)}
          disabled={disabled}
          aria-label={t('timer.resetLabel')}
          aria-describedby={disabled ? 'controls-reason' : undefined}
          aria-keyshortcuts="R"
        >
          <ResetIcon />
          <span className={styles.controls__text}>{t('timer.reset')}</span>
        </Button>
        <Button
          variant="primary"
          size="lg"
          className={styles.controls__primary}
          onClick={() => run(primary)}
          disabled={disabled}
          aria-label={primaryLabel}
          aria-describedby={disabled ? 'controls-reason' : undefined}
          aria-keyshortcuts="Space"
        >
          {primaryIcons[primary]}
          <span>{t(`timer.${primary}`)}</span>
        </Button>
        <Button
          variant="ghost"
          size="lg"
          className={styles.controls__side}
          onClick={() => run('skip')}
          disabled={disabled || !canSkip}
          aria-label={t('timer.skipLabel')}
          aria-describedby={disabled ? 'controls-reason' : undefined}
          aria-keyshortcuts="S"
        >
          <SkipIcon />
          <span className={styles.controls__text}>{t('timer.skip')}</span>
        </Button>
      </div>
      {disabled ? (
        <p id="controls-reason" className={styles.controls__reason}>
          {disabledReason}
        </p>
      ) : (
        <p className={styles.controls__hint}>{t('timer.shortcuts')}</p>
      )}
      {retryAt !== undefined && <BusyNote retryAt={retryAt} className={styles.controls__busy} />}
      {failure !== undefined && (
        <p className={styles.controls__error} role="alert">
          {failureText(failure, t)}
        </p>
      )}
      <ConfirmDialog
        open={confirmingReset}
        onOpenChange={setConfirmingReset}
        title={t('timer.reset.title')}
        description={t('timer.reset.body')}
        confirmLabel={t('timer.reset')}
        onConfirm={() => run('reset')}
        danger
      />
    </div>
  );
}
