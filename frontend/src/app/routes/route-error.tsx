import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router-dom';

import { Button } from '@/components/button';
import { buttonClass } from '@/components/button-class';
import { AlertIcon, CloudOffIcon } from '@/components/icons';
import { StatusPage } from '@/components/status-page';
import { useT } from '@/lib/i18n/translate';

import { appMessages } from '../messages';
import { PageCodeUnavailable } from '../page-code';

const healthPollMs = 3000;

/** A page's code could not be fetched (the server is down or was redeployed), or a page failed. */
export function RouteError() {
  const t = useT(appMessages);
  const error = useRouteError();
  const unreachable = error instanceof TypeError || error instanceof PageCodeUnavailable;

  // When the server answers again, load the page afresh (new code, if it was redeployed).
  useEffect(() => {
    if (!unreachable) return;
    const handle = setInterval(() => {
      fetch('/health', { cache: 'no-store' })
        .then((response) => response.ok && window.location.reload())
        .catch(() => undefined);
    }, healthPollMs);
    return () => clearInterval(handle);
  }, [unreachable]);

  if (!unreachable) {
    return (
      <StatusPage title={t('page.error.title')} body={t('page.error.body')} icon={<AlertIcon />}>
        <Link to="/" className={buttonClass('primary')} reloadDocument>
          {t('page.goHome')}
        </Link>
      </StatusPage>
    );
  }
  return (
    <StatusPage
      title={t('page.unreachable.title')}
      body={t('page.unreachable.body')}
      icon={<CloudOffIcon />}
      live
    >
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('page.retry')}
      </Button>
    </StatusPage>
  );
}
