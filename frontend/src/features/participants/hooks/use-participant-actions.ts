import { useState } from 'react';

import { ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';
import type { Participant } from '@/types/api';

import { makeHost, removeParticipant } from '../api/participant-commands';
import { participantsMessages, type ParticipantsMessageKey } from '../messages';

/** A host action waiting for its confirmation. */
export interface PendingAction {
  kind: 'remove' | 'host';
  participant: Participant;
}

const actionErrors: Partial<Record<ApiError['code'], ParticipantsMessageKey>> = {
  FORBIDDEN: 'participants.error.notHost',
  PARTICIPANT_NOT_FOUND: 'participants.error.gone',
  NETWORK_ERROR: 'error.network',
};

/** The host's remove and make-host: the one waiting for confirmation, running it, and what went wrong. */
export function useParticipantActions(roomId: string, token: string) {
  const t = useT(participantsMessages);
  const [pending, setPending] = useState<PendingAction>();
  const [error, setError] = useState<string>();

  const confirm = async ({ kind, participant }: PendingAction) => {
    setError(undefined);
    try {
      if (kind === 'remove') await removeParticipant(roomId, participant, token);
      else await makeHost(participant);
    } catch (e) {
      if (e instanceof ApiError && e.isBusy) {
        setError(busyMessage(e, t));
        return;
      }
      const code = e instanceof ApiError ? e.code : 'UNKNOWN_ERROR';
      setError(t(actionErrors[code] ?? 'error.generic', { name: participant.user_name }));
    }
  };

  return { pending, setPending, error, confirm };
}
