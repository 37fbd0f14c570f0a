import panel from '@/components/panel.module.css';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { TimerState } from '@/types/api';

import { timerMessages } from '../messages';
import { Countdown } from './countdown';
import { CycleProgress } from './cycle-progress';
import { TimerControls } from './timer-controls';
import styles from './timer-panel.module.css';
import { cycleProgress } from '../lib/countdown';
import { useTimerStore } from '../stores/timer-store';

/** Why this participant may not control the timer now. */
export type ControlBlock = 'not-connected' | 'only-host';

interface TimerPanelProps {
  longBreakInterval: number;
  /** Why this participant may not control the timer; undefined when they may. */
  blocked: ControlBlock | undefined;
  className?: string;
}

const blockTexts = { 'not-connected': 'timer.notConnected', 'only-host': 'timer.onlyHost' } as const;

export function TimerPanel(props: TimerPanelProps) {
  const timer = useTimerStore((s) => s.timer);
  if (!timer) return null;
  return <LoadedTimerPanel timer={timer} {...props} />;
}

function LoadedTimerPanel({
  timer,
  longBreakInterval,
  blocked,
  className,
}: TimerPanelProps & { timer: TimerState }) {
  const t = useT(timerMessages);
  const offsetMs = useTimerStore((s) => s.offsetMs);
  const roundTripMs = useTimerStore((s) => s.roundTripMs);
  const progress = cycleProgress(timer, longBreakInterval);

  return (
    <section
      className={cx(panel.panel, styles.timer, styles[`timer--${timer.session_type}`], className)}
      data-phase={timer.session_type}
      aria-labelledby="timer-phase"
      data-status={timer.status}
      data-clock-offset={Math.round(offsetMs)}
      data-clock-round-trip={roundTripMs}
    >
      <div className={styles.timer__heading}>
        <h2 id="timer-phase" className={styles.timer__phase}>
          {t(`phase.${timer.session_type}`)}
        </h2>
        <span className={styles.timer__status} data-testid="timer-status">
          {t(`timer.status.${timer.status}`)}
        </span>
      </div>
      <Countdown timer={timer} offsetMs={offsetMs} />
      <CycleProgress done={progress.done} total={progress.total} />
      <TimerControls timer={timer} disabledReason={blocked && t(blockTexts[blocked])} />
    </section>
  );
}
