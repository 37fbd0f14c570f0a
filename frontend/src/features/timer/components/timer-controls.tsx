import { useState } from 'react';

import { ConfirmDialog } from '@/components/confirm-dialog';
import { useT } from '@/lib/i18n/translate';
import type { SessionType, TimerState } from '@/types/api';

import { ControlButtons } from './control-buttons';
import { ControlNotes } from './control-notes';
import { PhasePicker } from './phase-picker';
import styles from './timer-controls.module.css';
import { canChoosePhase, primaryCommand } from '../api/timer-commands';
import { useTimerCommand } from '../hooks/use-timer-command';
import { useTimerShortcuts } from '../hooks/use-timer-shortcuts';
import { timerMessages } from '../messages';

interface TimerControlsProps {
  timer: TimerState;
  /** Why the controls are disabled for this participant; undefined when they may use them. */
  disabledReason: string | undefined;
}

const reasonId = 'controls-reason';

export function TimerControls({ timer, disabledReason }: TimerControlsProps) {
  const t = useT(timerMessages);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const { run, failure, retryAt } = useTimerCommand();
  const [chosen, choose] = useChosenPhase(timer);
  const disabled = disabledReason !== undefined;
  const primary = primaryCommand(timer.status);
  const canSkip = timer.status !== 'idle';
  // The next phase goes as null ("whatever is next"), as it always has; only another choice is named.
  const runPrimary = () =>
    primary === 'start' ? run('start', chosen === timer.session_type ? null : chosen) : run(primary);

  useTimerShortcuts(!disabled, {
    toggle: runPrimary,
    reset: () => setConfirmingReset(true),
    skip: () => canSkip && run('skip'),
  });

  return (
    <div className={styles.controls}>
      {canChoosePhase(timer.status) && (
        <PhasePicker
          value={chosen}
          next={timer.session_type}
          onChange={choose}
          disabled={disabled}
          describedBy={disabled ? reasonId : undefined}
        />
      )}
      <ControlButtons
        primary={primary}
        startPhase={chosen}
        canSkip={canSkip}
        disabled={disabled}
        describedBy={disabled ? reasonId : undefined}
        onPrimary={runPrimary}
        onReset={() => setConfirmingReset(true)}
        onSkip={() => run('skip')}
      />
      <ControlNotes reasonId={reasonId} disabledReason={disabledReason} retryAt={retryAt} failure={failure} />
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

/** The phase picked to start; back to the next one whenever the timer changes (anyone moved it on). */
function useChosenPhase(timer: TimerState): [SessionType, (phase: SessionType) => void] {
  const [choice, setChoice] = useState<{ version: number; phase: SessionType }>();
  const chosen = choice?.version === timer.version ? choice.phase : timer.session_type;
  return [chosen, (phase) => setChoice({ version: timer.version, phase })];
}
