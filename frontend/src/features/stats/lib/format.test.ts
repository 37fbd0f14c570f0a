import { describe, expect, it } from 'vitest';

import { translate, type MessageParams } from '@/lib/i18n/translate';

import { formatDuration, formatPercent, scaleTop } from './format';
import { statsMessages, type StatsMessageKey } from '../messages';

const en = (key: StatsMessageKey, params?: MessageParams) => translate(statsMessages, 'en', key, params);
const ko = (key: StatsMessageKey, params?: MessageParams) => translate(statsMessages, 'ko', key, params);

describe('formatting statistics', () => {
  it('says a length of time in seconds, minutes, or hours and minutes', () => {
    expect(formatDuration(0, en)).toBe('0 min');
    expect(formatDuration(42, en)).toBe('42 s');
    expect(formatDuration(1500, en)).toBe('25 min');
    expect(formatDuration(12_000, en)).toBe('3 h 20 min');
    expect(formatDuration(12_000, ko)).toBe('3시간 20분');
    expect(formatDuration(1500, ko)).toBe('25분');
  });

  it('says a rate as a percentage in the reader’s language', () => {
    expect(formatPercent(0.75, 'en')).toBe('75%');
    expect(formatPercent(0, 'ko')).toBe('0%');
  });

  it('tops a chart’s scale at a round number of minutes', () => {
    expect(scaleTop(0)).toBe(15);
    expect(scaleTop(25)).toBe(30);
    expect(scaleTop(61)).toBe(90);
    expect(scaleTop(1000)).toBe(1020);
  });
});
