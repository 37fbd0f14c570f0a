import { useEffect } from 'react';

import { useT } from '@/lib/i18n';
import type { SessionType } from '@/types/api';

import { formatClock } from '../lib/countdown';

/** Countdown and phase in the tab title, so a background tab still tells the time. */
export function useTabTitle(seconds: number, phase: SessionType | undefined): void {
  const t = useT();
  useEffect(() => {
    if (!phase) return;
    document.title = t('title.room', { time: formatClock(seconds), phase: t(`phase.${phase}`) });
  }, [seconds, phase, t]);
  useEffect(
    () => () => {
      document.title = t('app.name');
    },
    [t],
  );
}
