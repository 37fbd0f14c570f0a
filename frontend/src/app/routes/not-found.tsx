import { Link } from 'react-router-dom';

import { buttonClass } from '@/components/button-class';
import { AlertIcon } from '@/components/icons';
import { StatusPage } from '@/components/status-page';
import { useT } from '@/lib/i18n/translate';

import { appMessages } from '../messages';

export function Component() {
  const t = useT(appMessages);
  return (
    <StatusPage title={t('page.unknown.title')} body={t('page.unknown.body')} icon={<AlertIcon />}>
      <Link to="/" className={buttonClass('primary')}>
        {t('page.goHome')}
      </Link>
    </StatusPage>
  );
}
