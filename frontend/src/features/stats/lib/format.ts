import type { Language } from '@/lib/i18n/language';
import type { Translate } from '@/lib/i18n/translate';

import type { StatsMessageKey } from '../messages';

/** "0 min", "45 s", "25 min", "3 h 20 min": a length of time, to the minute once it is one. */
export function formatDuration(seconds: number, t: Translate<StatsMessageKey>): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole === 0) return t('stats.duration.minutes', { minutes: 0 });
  if (whole < 60) return t('stats.duration.seconds', { seconds: whole });
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return t('stats.duration.minutes', { minutes });
  return t('stats.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** "75%" in the reader's language. */
export function formatPercent(rate: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** Whole minutes, for the charts. */
export const toMinutes = (seconds: number) => Math.round(seconds / 60);

/** A scale's top: the smallest of 15, 30, 60, 90, 120… minutes at or above the largest value. */
export function scaleTop(maxMinutes: number): number {
  const steps = [15, 30, 60, 90, 120, 180, 240, 360, 480, 720];
  return steps.find((step) => step >= maxMinutes) ?? Math.ceil(maxMinutes / 60) * 60;
}
