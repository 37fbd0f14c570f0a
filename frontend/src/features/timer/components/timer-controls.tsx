import { useState } from 'react';

import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PauseIcon, PlayIcon, ResetIcon, SkipIcon } from '@/components/icons';
import type { ApiError } from '@/lib/api-client';
import { useT, type MessageKey } from '@/lib/i18n';
import type { TimerState } from '@/types/api';

import { primaryCommand, sendTimerCommand, type TimerCommand } from '../api/timer-commands';
import { useTimerShortcuts } from '../hooks/use-timer-shortcuts';

interface TimerControlsProps {
  timer: TimerState;
  /** Why the controls are disabled for this participant; undefined when they may use them. */
  disabledReason: string | undefined;
}

const errorMessages: Partial<Record<ApiError['code'], MessageKey>> = {
  TIMER_ALREADY_RUNNING: 'error.timerAlreadyRunning',
  TIMER_NOT_RUNNING: 'error.timerNotRunning',
  FORBIDDEN: 'error.forbidden',
  NETWORK_ERROR: 'error.network',
  RATE_LIMITED: 'error.rateLimited',
};

const primaryIcons = { start: <PlayIcon />, pause: <PauseIcon />, resume: <PlayIcon /> } as const;

export function TimerControls({ timer, disabledReason }: TimerControlsProps) {
  const t = useT();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [error, setError] = useState<MessageKey>();
  const disabled = disabledReason !== undefined;
  const primary = primaryCommand(timer.status);
  const canSkip = timer.status !== 'idle';

  const run = (command: TimerCommand) => {
    setError(undefined);
    sendTimerCommand(command).catch((e: ApiError) => setError(errorMessages[e.code] ?? 'error.generic'));
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
    <div className="controls">
      <div className="controls__buttons" role="group" aria-label={t('timer.controls')}>
        <Button
          variant="ghost"
          size="lg"
          className="controls__side"
          onClick={() => setConfirmingReset(true)}
          disabled={disabled}
          aria-label={t('timer.resetLabel')}
          aria-describedby={disabled ? 'controls-reason' : undefined}
          aria-keyshortcuts="R"
        >
          <ResetIcon />
          <span className="controls__text">{t('timer.reset')}</span>
        </Button>
        <Button
          variant="primary"
          size="lg"
          className="controls__primary"
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
          className="controls__side"
          onClick={() => run('skip')}
          disabled={disabled || !canSkip}
          aria-label={t('timer.skipLabel')}
          aria-describedby={disabled ? 'controls-reason' : undefined}
          aria-keyshortcuts="S"
        >
          <SkipIcon />
          <span className="controls__text">{t('timer.skip')}</span>
        </Button>
      </div>
      {disabled ? (
        <p id="controls-reason" className="controls__reason">
          {disabledReason}
        </p>
      ) : (
        <p className="controls__hint">{t('timer.shortcuts')}</p>
      )}
      {error && (
        <p className="controls__error" role="alert">
          {t(error)}
        </p>
      )}
      <ConfirmDialog
        open={confirmingReset}
        onOpenChange={setConfirmingReset}
        title={t('timer.reset.title')}
        description={t('timer.reset.body')}
        confirmLabel={t('timer.reset')}
        cancelLabel={t('dialog.cancel')}
        onConfirm={() => run('reset')}
        danger
      />
    </div>
  );
}
