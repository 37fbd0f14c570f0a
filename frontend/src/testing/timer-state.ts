import type { TimerState } from '@/types/api';

/** A timer state for tests: idle 25-minute focus unless overridden. */
export function timerState(overrides: Partial<TimerState> = {}): TimerState {
  return {
    status: 'idle',
    session_type: 'work',
    duration_seconds: 1500,
    remaining_seconds: 1500,
    target_timestamp: null,
    started_at: null,
    completed_work_sessions: 0,
    version: 1,
    server_time: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}
