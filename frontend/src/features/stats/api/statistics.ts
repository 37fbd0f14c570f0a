import { apiRequest } from '@/lib/api-client';
import type { Session, Statistics, StatisticsPeriod } from '@/types/api';

const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/** The room's work statistics for the period, counted in `timeZone` (an IANA name; UTC when undefined). */
export function getStatistics(roomId: string, period: StatisticsPeriod, timeZone: string | undefined) {
  const query = new URLSearchParams({ period });
  if (timeZone) query.set('tz', timeZone);
  return apiRequest<Statistics>('GET', `${roomPath(roomId)}/statistics?${query.toString()}`);
}

/** The room's finished phases, newest first (anyone may read them). */
export const listSessions = (roomId: string, limit = sessionsLimit) =>
  apiRequest<Session[]>('GET', `${roomPath(roomId)}/sessions?limit=${limit}`);

/** The most the server gives in one answer. */
export const sessionsLimit = 500;
