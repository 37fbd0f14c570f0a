import { useT } from '@/lib/i18n/translate';
import type { Room } from '@/types/api';

import { roomMessages } from '../messages';
import styles from './room-rhythm.module.css';

/** The room's durations in one line, so a settings change by the host is visible to everyone at once. */
export function RoomRhythm({ room }: { room: Room }) {
  const t = useT(roomMessages);
  return (
    <p className={styles.room__rhythm} data-testid="room-rhythm">
      {t('room.rhythm', {
        work: room.work_duration_minutes,
        break: room.break_duration_minutes,
        long: room.long_break_duration_minutes,
        interval: room.long_break_interval,
      })}
    </p>
  );
}
