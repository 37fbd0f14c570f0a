import { Link } from 'react-router-dom';

import { buttonClass } from '@/components/button-class';
import { ChartIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { roomStatsPath } from '../lib/room-link';
import { roomMessages } from '../messages';

/** To the room's statistics and history (a page of its own, loaded when first opened). */
export function StatsLink({ roomId }: { roomId: string }) {
  const t = useT(roomMessages);
  return (
    <Link to={roomStatsPath(roomId)} className={buttonClass('secondary')} aria-label={t('room.statsLabel')}>
      <ChartIcon />
      <span>{t('room.stats')}</span>
    </Link>
  );
}
