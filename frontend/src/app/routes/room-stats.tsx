import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';

import { Button } from '@/components/button';
import { buttonClass } from '@/components/button-class';
import { AlertIcon, CloudOffIcon } from '@/components/icons';
import { StatusPage } from '@/components/status-page';
import { getRoom } from '@/features/room/api/rooms';
import { roomPath } from '@/features/room/lib/room-link';
import { StatsView } from '@/features/stats/components/stats-view';
import { ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n/translate';

import { appMessages } from '../messages';

type RoomName =
  { state: 'loading' } | { state: 'found'; name: string } | { state: 'not-found' } | { state: 'unreachable' };

/** The viewer's own time zone: today, this week and this month are theirs. */
const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function Component() {
  const { roomId = '' } = useParams();
  const t = useT(appMessages);
  const [attempt, setAttempt] = useState(0);
  const room = useRoomName(roomId, attempt);

  if (room.state === 'loading') return <p role="status">{t('room.loading')}</p>;
  if (room.state === 'not-found') {
    return (
      <StatusPage title={t('page.notFound.title')} body={t('page.notFound.body')} icon={<AlertIcon />}>
        <Link to="/" className={buttonClass('primary')}>
          {t('page.goHome')}
        </Link>
      </StatusPage>
    );
  }
  if (room.state === 'unreachable') {
    return (
      <StatusPage
        title={t('page.unreachable.title')}
        body={t('page.unreachable.body')}
        icon={<CloudOffIcon />}
        live
      >
        <Button variant="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('page.retry')}
        </Button>
      </StatusPage>
    );
  }
  return (
    <StatsView roomId={roomId} roomName={room.name} roomHref={roomPath(roomId)} timeZone={viewerTimeZone()} />
  );
}

/** The room's name for the heading; whether the room is there at all. */
function useRoomName(roomId: string, attempt: number): RoomName {
  const [found, setFound] = useState<{ key: string; room: RoomName }>();
  const key = `${roomId}|${attempt}`;
  useEffect(() => {
    let current = true;
    getRoom(roomId).then(
      (room) => current && setFound({ key, room: { state: 'found', name: room.room_name } }),
      (error: unknown) => {
        const gone =
          error instanceof ApiError &&
          ['ROOM_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_ERROR'].includes(error.code);
        if (current) setFound({ key, room: gone ? { state: 'not-found' } : { state: 'unreachable' } });
      },
    );
    return () => {
      current = false;
    };
  }, [roomId, key]);
  return found?.key === key ? found.room : { state: 'loading' };
}
