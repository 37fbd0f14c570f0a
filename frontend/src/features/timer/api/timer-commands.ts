import { invokeRoomHub } from '@/lib/hub';
import type { TimerState } from '@/types/api';

import { useTimerStore } from '../stores/timer-store';

export type TimerCommand = 'start' | 'pause' | 'resume' | 'reset' | 'skip';

/** Sends a command over the hub; the answer is the new state, taken at once (the broadcast follows). */
export async function sendTimerCommand(command: TimerCommand): Promise<void> {
  // start_timer takes exactly one argument: null means "the phase that is next".
  const args = command === 'start' ? [null] : [];
  const state = await invokeRoomHub<TimerState>(`${command}_timer`, ...args);
  useTimerStore.getState().applyTimer(state);
}

/** The command the main button (and the space bar) sends in each state. */
export function primaryCommand(status: TimerState['status']): 'start' | 'pause' | 'resume' {
  if (status === 'running') return 'pause';
  if (status === 'paused') return 'resume';
  return 'start';
}
