import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';

import { roomMessages } from '../messages';
import styles from './connection-indicator.module.css';
import { useRoomStore } from '../stores/room-store';

export function ConnectionIndicator() {
  const t = useT(roomMessages);
  const connection = useRoomStore((s) => s.connection);
  const text = t(`connection.${connection}`);
  return (
    <span
      className={cx(styles.connection, styles[`connection--${connection}`])}
      role="status"
      data-testid="connection"
      aria-label={t('connection.label', { state: text })}
    >
      <span className={styles.connection__dot} aria-hidden="true" />
      <span>{text}</span>
    </span>
  );
}
