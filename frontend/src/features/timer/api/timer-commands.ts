import { invokeRoomHub } from '@/lib/hub';
import { retryWhenBusy } from '@/lib/retry';
import type { SessionType, TimerState } from '@/types/api';

import { useTimerStore } from '../stores/timer-store';

export type TimerCommand = 'start' | 'pause' | 'resume' | 'reset' | 'skip';

export interface CommandOptions {
  /** For `start`: the phase to start; null (the default) starts the one that is next. */
  sessionType?: SessionType | null;
  /** The server asked to wait: the command goes again at `retryAt` (local ms); undefined when it does. */
  onWait?: (retryAt: number | undefined) => void;
}

/** How many times a command refused for now (too many commands, a busy server) goes again by itself. */
export const commandRetries = 2;

let latestCommand = 0;

/**
 * Sends a command over the hub; the answer is the new state, taken at once (the broadcast follows).
 * A refusal for now is waited out and the command sent again, unless in the meantime this page sent
 * another command or the timer changed (someone else moved it on): then it is dropped with a
 * SupersededError, as the person's click no longer means what it meant.
 */
export async function sendTimerCommand(command: TimerCommand, options: CommandOptions = {}): Promise<void> {
  const mine = ++latestCommand;
  const version = useTimerStore.getState().timer?.version;
  const state = await retryWhenBusy(() => invoke(command, options.sessionType ?? null), {
    retries: commandRetries,
    onWait: options.onWait,
    superseded: () => mine !== latestCommand || useTimerStore.getState().timer?.version !== version,
  });
  useTimerStore.getState().applyTimer(state);
}

/** start_timer takes exactly one argument: null means "the phase that is next". */
function invoke(command: TimerCommand, sessionType: SessionType | null): Promise<TimerState> {
  if (command === 'start') return invokeRoomHub('start_timer', sessionType);
  return invokeRoomHub(`${command}_timer`);
}

/** The command the main button (and the space bar) sends in each state. */
export function primaryCommand(status: TimerState['status']): 'start' | 'pause' | 'resume' {
  if (status === 'running') return 'pause';
  if (status === 'paused') return 'resume';
  return 'start';
}

/** Whether a phase can be started now, and so chosen (not only the next one). */
export const canChoosePhase = (status: TimerState['status']) => status === 'idle' || status === 'completed';
