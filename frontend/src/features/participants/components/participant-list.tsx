import { iconButtonClass } from '@/components/button-class';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CrownIcon, MakeHostIcon, RemoveUserIcon } from '@/components/icons';
import panel from '@/components/panel.module.css';
import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { Participant } from '@/types/api';

import { MyStatusField } from './my-status-field';
import { MyTaskField } from './my-task-field';
import styles from './participant-list.module.css';
import { RemoveOffline } from './remove-offline';
import { StatusSummary } from './status-summary';
import { useParticipantActions, type PendingAction } from '../hooks/use-participant-actions';
import { presenceOf, type RoomPhase } from '../lib/status';
import { participantsMessages } from '../messages';
import { useParticipantsStore } from '../stores/participants-store';

interface ParticipantListProps {
  roomId: string;
  myParticipantId: string;
  /** My token: the host's removes others over REST. */
  token: string;
  /** The room's current phase: statuses that follow the room are derived from it. */
  phase: RoomPhase | undefined;
  className?: string;
}

export function ParticipantList({ roomId, myParticipantId, token, phase, className }: ParticipantListProps) {
  const t = useT(participantsMessages);
  const participants = useParticipantsStore((s) => s.participants);
  const { pending, setPending, error, confirm } = useParticipantActions(roomId, token);
  const me = participants.find((p) => p.participant_id === myParticipantId);
  const canManage = me?.is_host ?? false;
  const offline = participants.filter((p) => !p.online && p.participant_id !== myParticipantId);

  return (
    <section className={cx(panel.panel, className)} aria-labelledby="participants-title">
      <header className={panel.panel__header}>
        <h2 id="participants-title" className={panel.panel__title}>
          {t('participants.title')}
        </h2>
        <span className={styles.participants__count}>
          {t('participants.count', { count: participants.length })}
        </span>
      </header>
      <StatusSummary participants={participants} phase={phase} />
      {me && <MyStatusField me={me} />}
      {me && <MyTaskField saved={me.task ?? ''} />}
      <ul className={styles.participants__list} aria-labelledby="participants-title">
        {participants.map((p) => (
          <ParticipantRow
            key={p.participant_id}
            participant={p}
            phase={phase}
            isMe={p.participant_id === myParticipantId}
            manage={canManage && p.participant_id !== myParticipantId ? setPending : undefined}
          />
        ))}
      </ul>
      {error && (
        <p className={styles.participants__error} role="alert">
          {error}
        </p>
      )}
      {canManage && <RemoveOffline roomId={roomId} token={token} offline={offline} />}
      {pending && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setPending(undefined)}
          title={t(`participants.${pending.kind}.title`, { name: pending.participant.user_name })}
          description={t(`participants.${pending.kind}.body`, { name: pending.participant.user_name })}
          confirmLabel={t(`participants.${pending.kind}.confirm`)}
          onConfirm={() => void confirm(pending)}
          danger={pending.kind === 'remove'}
        />
      )}
    </section>
  );
}

interface ParticipantRowProps {
  participant: Participant;
  phase: RoomPhase | undefined;
  isMe: boolean;
  /** The host's actions on this participant; undefined when I may not manage them. */
  manage: ((action: PendingAction) => void) | undefined;
}

function ParticipantRow({ participant, phase, isMe, manage }: ParticipantRowProps) {
  const t = useT(participantsMessages);
  const presence = presenceOf(participant, phase);
  const name = participant.user_name;
  return (
    <li className={styles.participant} data-online={participant.online} data-presence={presence}>
      <span
        className={cx(styles['presence-dot'], participant.online && styles['presence-dot--online'])}
        role="img"
        aria-label={participant.online ? t('participants.online') : t('participants.offline')}
      />
      <span className={styles.participant__main}>
        <span className={styles.participant__name} data-testid="participant-name">
          {name}
          {isMe && <span className={styles.participant__you}> ({t('participants.you')})</span>}
        </span>
        <span className={cx(styles.participant__status, styles[`participant__status--${presence}`])}>
          {t(`presence.${presence}`)}
        </span>
        {participant.task && (
          <span className={styles.participant__task} title={participant.task} data-testid="participant-task">
            <span className="visually-hidden">{t('participants.task.prefix')} </span>
            {participant.task}
          </span>
        )}
      </span>
      {participant.is_host && (
        <span className={cx(styles.badge, styles['badge--host'])}>
          <CrownIcon />
          {t('participants.host')}
        </span>
      )}
      {manage && (
        <span className={styles.participant__actions}>
          <button
            type="button"
            className={iconButtonClass('quiet')}
            aria-label={t('participants.host.label', { name })}
            title={t('participants.host.label', { name })}
            onClick={() => manage({ kind: 'host', participant })}
          >
            <MakeHostIcon />
          </button>
          <button
            type="button"
            className={iconButtonClass('danger')}
            aria-label={t('participants.remove.label', { name })}
            title={t('participants.remove.label', { name })}
            onClick={() => manage({ kind: 'remove', participant })}
          >
            <RemoveUserIcon />
          </button>
        </span>
      )}
    </li>
  );
}
