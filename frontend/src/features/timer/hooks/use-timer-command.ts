import { useCallback, useRef, useState } from 'react';

import { SupersededError } from '@/lib/retry';
import type { SessionType } from '@/types/api';

import { sendTimerCommand, type TimerCommand } from '../api/timer-commands';

export interface TimerCommandState {
  /** Sends a command; `sessionType` only for start (null: the next phase). */
  run: (command: TimerCommand, sessionType?: SessionType | null) => void;
  /** Why the latest command failed, if it did. */
  failure: unknown;
  /** The server asked to wait: when the latest command goes again by itself (local ms). */
  retryAt: number | undefined;
}

/** The controls' commands: only the latest one speaks; one superseded while it waited stays quiet. */
export function useTimerCommand(): TimerCommandState {
  const [failure, setFailure] = useState<unknown>();
  const [retryAt, setRetryAt] = useState<number>();
  const latestRun = useRef(0);

  const run = useCallback((command: TimerCommand, sessionType: SessionType | null = null) => {
    const id = ++latestRun.current;
    const latest = (apply: () => void) => id === latestRun.current && apply();
    setFailure(undefined);
    setRetryAt(undefined);
    sendTimerCommand(command, { sessionType, onWait: (at) => latest(() => setRetryAt(at)) }).catch(
      (e: unknown) => latest(() => setFailure(e instanceof SupersededError ? undefined : (e ?? new Error()))),
    );
  }, []);

  return { run, failure, retryAt };
}
