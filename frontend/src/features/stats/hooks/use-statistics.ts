import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '@/lib/api-client';
import type { Session, Statistics, StatisticsPeriod } from '@/types/api';

import { getStatistics, listSessions } from '../api/statistics';

export interface LoadedStatistics {
  statistics: Statistics;
  sessions: Session[];
  /** The zone the server counted in: the viewer's, or UTC when the server does not know it. */
  timeZone: string;
}

export type StatisticsState =
  | { status: 'loading'; shown: LoadedStatistics | undefined }
  | { status: 'failed' }
  | ({ status: 'loaded' } & LoadedStatistics);

async function load(roomId: string, period: StatisticsPeriod, timeZone: string): Promise<LoadedStatistics> {
  const sessions = listSessions(roomId);
  try {
    const statistics = await getStatistics(roomId, period, timeZone);
    return { statistics, sessions: await sessions, timeZone };
  } catch (error) {
    // A zone this browser knows and the server does not: count in UTC rather than not at all.
    if (!(error instanceof ApiError && error.code === 'VALIDATION_ERROR')) throw error;
    const statistics = await getStatistics(roomId, period, undefined);
    return { statistics, sessions: await sessions, timeZone: 'UTC' };
  }
}

interface Finished {
  /** Which request finished: the room, period, zone and attempt. */
  key: string;
  failed: boolean;
  /** The latest statistics that did load (of this request, or of an earlier one when this one failed). */
  latest: LoadedStatistics | undefined;
}

/** The period's statistics and the room's sessions, loaded afresh for each period (the last stay shown). */
export function useStatistics(roomId: string, period: StatisticsPeriod, timeZone: string) {
  const [attempt, setAttempt] = useState(0);
  const [finished, setFinished] = useState<Finished>();
  const key = `${roomId}|${period}|${timeZone}|${attempt}`;

  useEffect(() => {
    let current = true;
    load(roomId, period, timeZone).then(
      (loaded) => current && setFinished({ key, failed: false, latest: loaded }),
      () => current && setFinished((previous) => ({ key, failed: true, latest: previous?.latest })),
    );
    return () => {
      current = false;
    };
  }, [roomId, period, timeZone, key]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state: stateOf(finished, key), reload };
}

function stateOf(finished: Finished | undefined, key: string): StatisticsState {
  if (finished?.key !== key) return { status: 'loading', shown: finished?.latest };
  if (finished.failed || !finished.latest) return { status: 'failed' };
  return { status: 'loaded', ...finished.latest };
}
