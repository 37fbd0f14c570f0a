import { Link } from 'react-router-dom';

import { Button } from '@/components/button';
import { buttonClass } from '@/components/button-class';
import { AlertIcon, CloudOffIcon } from '@/components/icons';
import { StatusPage } from '@/components/status-page';
import type { RoomOutcome } from '@/features/room/stores/room-store';
import { useT } from '@/lib/i18n/translate';

import { appMessages, type AppMessageKey } from '../messages';
import type { RoomSession } from '../room-session';

const texts: Record<RoomOutcome, [AppMessageKey, AppMessageKey]> = {
  'not-found': ['page.notFound.title', 'page.notFound.body'],
  deleted: ['page.deleted.title', 'page.deleted.body'],
  expired: ['page.expired.title', 'page.expired.body'],
  removed: ['page.removed.title', 'page.removed.body'],
  gone: ['page.gone.title', 'page.gone.body'],
  full: ['page.full.title', 'page.full.body'],
  unreachable: ['page.unreachable.title', 'page.unreachable.body'],
};

interface RoomOutcomePageProps {
  outcome: RoomOutcome;
  session: RoomSession;
}

/** The room cannot be shown: say why, and offer the way on. */
export function RoomOutcomePage({ outcome, session }: RoomOutcomePageProps) {
  const t = useT(appMessages);
  const [title, body] = texts[outcome];
  // The room is still there: come back as a new participant.
  const canRejoin = outcome === 'removed' || outcome === 'gone';
  return (
    <StatusPage
      title={t(title)}
      body={t(body)}
      icon={outcome === 'unreachable' ? <CloudOffIcon /> : <AlertIcon />}
      live={outcome === 'unreachable'}
    >
      {outcome === 'unreachable' && (
        <Button variant="primary" onClick={() => session.retry()}>
          {t('page.retry')}
        </Button>
      )}
      {canRejoin && (
        <Button variant="primary" onClick={() => session.rejoin()}>
          {t('page.joinAgain')}
        </Button>
      )}
      <Link to="/" className={buttonClass(outcome === 'unreachable' || canRejoin ? 'secondary' : 'primary')}>
        {t('page.goHome')}
      </Link>
    </StatusPage>
  );
}
