import { apiRequest } from '@/lib/api-client';
import type { AuditEntry } from '@/types/api';

/** The room's record of host actions, newest first (members only). */
export const listAudit = (roomId: string, token: string, limit = 20) =>
  apiRequest<AuditEntry[]>('GET', `/rooms/${encodeURIComponent(roomId)}/audit?limit=${limit}`, { token });
