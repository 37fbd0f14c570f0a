import { useId } from 'react';

import { SwitchField } from '@/components/switch-field';
import { useT, type Translate } from '@/lib/i18n/translate';
import { busyMessage } from '@/lib/retry';

import styles from './push-switch.module.css';
import { useRoomPush, type RoomPushState } from '../hooks/use-room-push';
import type { PushOutcome, PushProblem } from '../lib/room-push';
import { pushMessages, type PushMessageKey } from '../messages';

const problemTexts: Record<Exclude<PushProblem, 'busy'>, PushMessageKey> = {
  dismissed: 'push.dismissed',
  'no-worker': 'push.noWorker',
  'push-service': 'push.pushService',
  'endpoint-refused': 'push.endpointRefused',
  network: 'error.network',
  failed: 'push.failed',
};

/** What the switch's note says: where it stands, or why it is not on. */
function noteOf(state: RoomPushState, t: Translate<PushMessageKey>): { text: string; problem: boolean } {
  switch (state.status) {
    case 'checking':
      return { text: t('push.checking'), problem: false };
    case 'working':
      return { text: t(state.turningOn ? 'push.working.on' : 'push.working.off'), problem: false };
    case 'unsupported':
    case 'denied':
      return { text: t(`push.${state.status}`), problem: true };
    default:
      return problemNote(state, t) ?? { text: t(`push.${state.status}`), problem: false };
  }
}

function problemNote({ problem, busy }: PushOutcome, t: Translate<PushMessageKey>) {
  if (!problem) return undefined;
  const text =
    problem === 'busy' ? (busy ? busyMessage(busy, t) : t('error.serviceBusy')) : t(problemTexts[problem]);
  return { text, problem: true };
}

/**
 * "Notify me when the tab is closed": Web Push of this room's phase ends to this device. The permission
 * is asked on the click; a refusal or a browser without push says why, and how to get it.
 */
export function PushSwitch({ roomId, token }: { roomId: string; token: string }) {
  const t = useT(pushMessages);
  const noteId = useId();
  const { state, turn } = useRoomPush(roomId, token);
  const note = noteOf(state, t);
  const on = state.status === 'on' || (state.status === 'working' && state.turningOn);
  return (
    <div className={styles.push} data-testid="push" data-status={state.status}>
      <SwitchField
        label={t('push.label')}
        hint={t('push.hint')}
        checked={on}
        onCheckedChange={turn}
        disabled={state.status === 'checking' || state.status === 'working' || state.status === 'unsupported'}
        describedBy={noteId}
      />
      <p
        id={noteId}
        className={note.problem ? styles.push__problem : styles.push__note}
        role={note.problem ? 'alert' : 'status'}
      >
        {note.text}
      </p>
    </div>
  );
}
