import { describe, expect, it } from 'vitest';

import { dayLabel, fullDate } from './day-bars';

describe('how the chart names a day', () => {
  it('a week’s by weekday, a month’s by number, the same date in any zone', () => {
    expect(dayLabel('2026-03-02', 'week', 'en')).toBe('Mon');
    expect(dayLabel('2026-03-02', 'week', 'ko')).toBe('월');
    expect(dayLabel('2026-03-07', 'month', 'en')).toBe('7');
    expect(dayLabel('2026-03-07', 'month', 'ko')).toBe('7일');
  });

  it('in full for the tooltip and the table', () => {
    expect(fullDate('2026-03-02', 'en')).toBe('Monday, March 2');
    expect(fullDate('2026-03-02', 'ko')).toBe('3월 2일 월요일');
  });
});
