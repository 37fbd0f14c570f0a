import { ApiError } from '@/lib/api-client';
import type { Translate } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';

import type { FieldProblem } from './room-form';
import type { RoomMessageKey } from '../messages';

export type FieldMessages = Partial<Record<string, string>>;

export function problemMessages(
  problems: Partial<Record<string, FieldProblem>>,
  t: Translate<RoomMessageKey>,
): FieldMessages {
  const messages: FieldMessages = {};
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) messages[field] = t(problem.key, problem.params);
  }
  return messages;
}

export interface SubmitFailure {
  fields: FieldMessages;
  /** What to say above the form when no single field is to blame. */
  form: string | undefined;
}

/** The server's refusal as messages beside the fields it names, or one message for the form. */
export function submitFailure(error: unknown, t: Translate<RoomMessageKey>): SubmitFailure {
  if (!(error instanceof ApiError)) return { fields: {}, form: t('error.generic') };
  if (error.code === 'ROOM_NAME_TAKEN')
    return { fields: { room_name: t('validation.roomNameTaken') }, form: undefined };
  if (error.code === 'VALIDATION_ERROR' && Object.keys(error.fieldErrors).length > 0) {
    const fields: FieldMessages = {};
    for (const [field, messages] of Object.entries(error.fieldErrors)) fields[field] = messages.join(' ');
    return { fields, form: t('validation.fixFields') };
  }
  // Too many requests, or the server shedding load: say how long to wait when it said.
  if (error.isBusy) return { fields: {}, form: busyMessage(error, t) };
  if (error.isUnreachable) return { fields: {}, form: t('error.network') };
  return { fields: {}, form: error.message || t('error.generic') };
}
