import { useEffect } from 'react';

import { useT } from '@/lib/i18n/translate';
import type { SessionType } from '@/types/api';

import { formatClock } from '../lib/countdown';
import { timerMessages } from '../messages';

/** Countdown and phase in the tab title, so a background tab still tells the time. */
export function useTabTitle(seconds: number, phase: SessionType | undefined): void {
  const t = useT(timerMessages);
  useEffect(() => {
    if (!phase) return;
    // In a task of its own: setting the title costs the page several milliseconds, which must not
    // delay the countdown's flip.
    const handle = setTimeout(() => {
      document.title = t('title.room', { time: formatClock(seconds), phase: t(`phase.${phase}`) });
    }, 0);
    return () => clearTimeout(handle);
  }, [seconds, phase, t]);
  useEffect(
    () => () => {
      document.title = t('title.app');
    },
    [t],
  );
}
