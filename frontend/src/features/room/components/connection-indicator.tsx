import { useT } from '@/lib/i18n/translate';

import { roomMessages } from '../messages';
import { useRoomStore } from '../stores/room-store';

export function ConnectionIndicator() {
  const t = useT(roomMessages);
  const connection = useRoomStore((s) => s.connection);
  const text = t(`connection.${connection}`);
  return (
    <span
      className={`connection connection--${connection}`}
      role="status"
      aria-label={t('connection.label', { state: text })}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </span>
  );
}
