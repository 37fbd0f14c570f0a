import { useNavigate } from 'react-router-dom';

import { CreateRoomForm, JoinByLinkForm, roomPath } from '@/features/room';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div className="home">
      <section className="home__intro">
        <h1 className="home__title">{t('app.name')}</h1>
        <p className="home__tagline">{t('app.tagline')}</p>
      </section>
      <div className="home__forms">
        <CreateRoomForm onCreated={(room) => void navigate(roomPath(room.room_id))} />
        <JoinByLinkForm onRoom={(roomId) => void navigate(roomPath(roomId))} />
      </div>
    </div>
  );
}
