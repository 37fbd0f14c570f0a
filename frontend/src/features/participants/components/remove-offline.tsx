import { useEffect, useState } from 'react';

import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { UserOffIcon } from '@/components/icons';
import { ApiError } from '@/lib/api-client';
import { useT, type Translate } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';
import type { Participant } from '@/types/api';

import { removeOfflineParticipants } from '../api/participant-commands';
import { participantsMessages, type ParticipantsMessageKey } from '../messages';
import styles from './remove-offline.module.css';

interface RemoveOfflineProps {
  roomId: string;
  /** The host's token. */
  token: string;
  /** Who is offline now, as this page sees it (me excluded). */
  offline: Participant[];
}

type Outcome = { removed: number } | { error: unknown };

/** How long the result stays in sight. */
const outcomeShownMs = 10_000;

const errorMessages: Partial<Record<ApiError['code'], ParticipantsMessageKey>> = {
  FORBIDDEN: 'participants.error.notHost',
  NETWORK_ERROR: 'error.network',
};

function failureText(error: unknown, t: Translate<ParticipantsMessageKey>): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  // SERVICE_BUSY here means the server cannot tell who is online: it removed nobody.
  if (error.code === 'SERVICE_BUSY') return t('participants.error.presenceUnknown');
  if (error.isBusy) return busyMessage(error, t);
  return t(errorMessages[error.code] ?? 'error.generic');
}

function outcomeText(outcome: { removed: number }, t: Translate<ParticipantsMessageKey>): string {
  if (outcome.removed === 0) return t('participants.removeOffline.none');
  return t('participants.removeOffline.done', { count: outcome.removed });
}

/** The host frees the seats of everyone offline at once, after a confirmation that says who. */
export function RemoveOffline({ roomId, token, offline }: RemoveOfflineProps) {
  const t = useT(participantsMessages);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), outcomeShownMs);
    return () => clearTimeout(timer);
  }, [outcome]);

  const remove = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const removed = await removeOfflineParticipants(roomId, token);
      setOutcome({ removed: removed.length });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  const count = offline.length;
  return (
    <div className={styles['remove-offline']}>
      {count > 0 && (
        <Button variant="secondary" disabled={busy} onClick={() => setConfirming(true)}>
          <UserOffIcon />
          <span>{t('participants.removeOffline', { count })}</span>
        </Button>
      )}
      {outcome && 'removed' in outcome && (
        <p className={styles['remove-offline__note']} role="status">
          {outcomeText(outcome, t)}
        </p>
      )}
      {outcome && 'error' in outcome && (
        <p className={styles['remove-offline__error']} role="alert">
          {failureText(outcome.error, t)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('participants.removeOffline.title', { count })}
        description={t('participants.removeOffline.body', {
          names: offline.map((p) => p.user_name).join(', '),
        })}
        confirmLabel={t('participants.removeOffline.confirm')}
        onConfirm={() => void remove()}
        danger
      />
    </div>
  );
}
