import { CrownIcon } from '@/components/icons';
import { useT } from '@/lib/i18n';

import { useParticipantsStore } from '../stores/participants-store';

interface ParticipantListProps {
  myParticipantId: string | undefined;
}

export function ParticipantList({ myParticipantId }: ParticipantListProps) {
  const t = useT();
  const participants = useParticipantsStore((s) => s.participants);
  const online = participants.filter((p) => p.online).length;
  return (
    <section className="panel participants" aria-labelledby="participants-title">
      <header className="panel__header">
        <h2 id="participants-title" className="panel__title">
          {t('participants.title')}
        </h2>
        <span className="participants__count">
          {t('participants.count', { count: participants.length })}
          {' · '}
          {online} {t('participants.online')}
        </span>
      </header>
      <ul className="participants__list">
        {participants.map((p) => {
          const isMe = p.participant_id === myParticipantId;
          const presence = p.online ? t('participants.online') : t('participants.offline');
          return (
            <li key={p.participant_id} className="participant" data-online={p.online}>
              <span
                className={`presence-dot ${p.online ? 'presence-dot--online' : ''}`}
                role="img"
                aria-label={presence}
              />
              <span className="participant__name">
                {p.user_name}
                {isMe && <span className="participant__you"> ({t('participants.you')})</span>}
              </span>
              {p.is_host && (
                <span className="badge badge--host">
                  <CrownIcon />
                  {t('participants.host')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
