import { useNavigate } from 'react-router-dom';

import { CreateRoomForm } from '@/features/room/components/create-room-form';
import { JoinByLinkForm } from '@/features/room/components/join-by-link-form';
import { roomPath } from '@/features/room/lib/room-link';
import { useT } from '@/lib/i18n/translate';

import { appMessages } from '../messages';
import styles from './home.module.css';

export function Component() {
  const t = useT(appMessages);
  const navigate = useNavigate();
  return (
    <div className={styles.home}>
      <section>
        <h1 className={styles.home__title}>{t('app.name')}</h1>
        <p className={styles.home__tagline}>{t('app.tagline')}</p>
      </section>
      <div className={styles.home__forms}>
        <CreateRoomForm onCreated={(room) => void navigate(roomPath(room.room_id))} />
        <JoinByLinkForm onRoom={(roomId) => void navigate(roomPath(roomId))} />
      </div>
    </div>
  );
}
