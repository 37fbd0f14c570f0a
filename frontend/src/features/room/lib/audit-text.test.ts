import { describe, expect, it } from 'vitest';

import type { Language } from '@/lib/i18n/language';
import { translate, type Translate } from '@/lib/i18n/translate';
import type { AuditEntry } from '@/types/api';

import { describeAuditEntry, relativeTime } from './audit-text';
import { roomMessages, type RoomMessageKey } from '../messages';

const t =
  (language: Language): Translate<RoomMessageKey> =>
  (key, params) =>
    translate(roomMessages, language, key, params);

const entry = (action: AuditEntry['action'], details: string): AuditEntry => ({
  entry_id: 'e1',
  at: '2026-01-02T03:04:05.000Z',
  actor_id: 'p1',
  actor_name: 'Mina',
  action,
  details,
});

describe('describeAuditEntry', () => {
  it('puts each action in a sentence, in English', () => {
    const en = t('en');
    expect(describeAuditEntry(entry('timer_reset', ''), en)).toEqual({
      summary: 'Mina reset the timer',
      details: [],
    });
    expect(describeAuditEntry(entry('participant_removed', 'Ben'), en).summary).toBe('Mina removed Ben');
    expect(describeAuditEntry(entry('participant_removed', 'offline: Ann, Bo'), en).summary).toBe(
      'Mina removed the offline participants: Ann, Bo',
    );
    expect(describeAuditEntry(entry('host_changed', 'to Jun'), en).summary).toBe('Mina made Jun the host');
  });

  it('and in Korean', () => {
    const ko = t('ko');
    expect(describeAuditEntry(entry('timer_reset', ''), ko).summary).toBe(
      'Mina 님이 타이머를 초기화했습니다',
    );
    expect(describeAuditEntry(entry('participant_removed', 'Ben'), ko).summary).toBe(
      'Mina 님이 Ben 님을 내보냈습니다',
    );
    expect(describeAuditEntry(entry('host_changed', 'to Jun'), ko).summary).toBe(
      'Mina 님이 Jun 님을 방장으로 지정했습니다',
    );
    expect(describeAuditEntry(entry('settings_changed', 'allow_all_control false → true'), ko)).toEqual({
      summary: 'Mina 님이 설정을 바꿨습니다',
      details: ['모두가 타이머를 조작할 수 있음: 끔 → 켬'],
    });
  });

  it('names each changed setting as the settings form does', () => {
    const text = describeAuditEntry(
      entry('settings_changed', 'work_duration_minutes 25 → 50, allow_all_control false → true'),
      t('en'),
    );
    expect(text).toEqual({
      summary: 'Mina changed the settings',
      details: ['Focus: 25 → 50', 'Everyone may control the timer: off → on'],
    });
  });

  it('shows details of a shape it does not know as they came', () => {
    const text = describeAuditEntry(entry('settings_changed', 'theme light → dark'), t('en'));
    expect(text.details).toEqual(['theme light → dark']);
    const unknown = { ...entry('timer_reset', 'x'), action: 'room_renamed' } as unknown as AuditEntry;
    expect(describeAuditEntry(unknown, t('en')).summary).toBe('Mina: x');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-01-02T12:00:00Z');
  it('says how long ago, in the reader’s language', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(relativeTime(now - 26 * 3_600_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 5 * 60_000, now, 'ko')).toBe('5분 전');
  });

  it('never says "in 2 seconds" when the clock estimate is a little off', () => {
    expect(relativeTime(now + 2_000, now, 'en')).toBe('now');
  });
});
