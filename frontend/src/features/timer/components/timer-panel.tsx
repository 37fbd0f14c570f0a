import { useT } from '@/lib/i18n/translate';
import type { TimerState } from '@/types/api';

import { timerMessages } from '../messages';
import { Countdown } from './countdown';
import { CycleProgress } from './cycle-progress';
import { TimerControls } from './timer-controls';
import { cycleProgress } from '../lib/countdown';
import { useTimerStore } from '../stores/timer-store';

/** Why this participant may not control the timer now. */
export type ControlBlock = 'not-connected' | 'only-host';

interface TimerPanelProps {
  longBreakInterval: number;
  /** Why this participant may not control the timer; undefined when they may. */
  blocked: ControlBlock | undefined;
}

const blockTexts = { 'not-connected': 'timer.notConnected', 'only-host': 'timer.onlyHost' } as const;

export function TimerPanel({ longBreakInterval, blocked }: TimerPanelProps) {
  const timer = useTimerStore((s) => s.timer);
  if (!timer) return null;
  return <LoadedTimerPanel timer={timer} longBreakInterval={longBreakInterval} blocked={blocked} />;
}

function LoadedTimerPanel({ timer, longBreakInterval, blocked }: TimerPanelProps & { timer: TimerState }) {
  const t = useT(timerMessages);
  const offsetMs = useTimerStore((s) => s.offsetMs);
  const roundTripMs = useTimerStore((s) => s.roundTripMs);
  const progress = cycleProgress(timer, longBreakInterval);

  return (
    <section
      className={`panel timer timer--${timer.session_type} timer--${timer.status}`}
      aria-labelledby="timer-phase"
      data-status={timer.status}
      data-clock-offset={Math.round(offsetMs)}
      data-clock-round-trip={roundTripMs}
    >
      <div className="timer__heading">
        <h2 id="timer-phase" className="timer__phase">
          {t(`phase.${timer.session_type}`)}
        </h2>
        <span className="timer__status" data-testid="timer-status">
          {t(`timer.status.${timer.status}`)}
        </span>
      </div>
      <Countdown timer={timer} offsetMs={offsetMs} />
      <CycleProgress done={progress.done} total={progress.total} />
      <TimerControls timer={timer} disabledReason={blocked && t(blockTexts[blocked])} />
    </section>
  );
}
