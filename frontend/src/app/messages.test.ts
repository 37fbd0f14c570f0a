// Every catalog of the app, in both languages: the same keys and the same placeholders in every form.
import { describe, expect, it } from 'vitest';

import { componentMessages } from '@/components/messages';
import { chatMessages } from '@/features/chat/messages';
import { participantsMessages } from '@/features/participants/messages';
import { pushMessages } from '@/features/push/messages';
import { roomMessages } from '@/features/room/messages';
import { statsMessages } from '@/features/stats/messages';
import { timerMessages } from '@/features/timer/messages';
import { errorMessages } from '@/lib/error-messages';
import { formsOf, translate, type Catalog } from '@/lib/i18n/translate';
import { phaseMessages } from '@/lib/phase-messages';

import { appMessages } from './messages';

const catalogs: Record<string, Catalog<string>> = {
  app: appMessages,
  components: componentMessages,
  errors: errorMessages,
  phases: phaseMessages,
  room: roomMessages,
  timer: timerMessages,
  participants: participantsMessages,
  chat: chatMessages,
  stats: statsMessages,
  push: pushMessages,
};

const placeholders = (texts: string[]) =>
  [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('messages', () => {
  it('has a Korean text for every English one, with the same placeholders', () => {
    for (const [name, catalog] of Object.entries(catalogs)) {
      for (const key of Object.keys(catalog.en)) {
        const en = catalog.en[key];
        const ko = catalog.ko[key];
        expect(ko, `${name}: ${key}`).toBeTruthy();
        if (!en || !ko) continue;
        expect(placeholders(formsOf(ko)), `${name}: ${key}`).toEqual(placeholders(formsOf(en)));
      }
    }
  });

  it('uses the seed document’s Korean phase-end messages', () => {
    expect(translate(timerMessages, 'ko', 'phaseEnd.work')).toBe('🎉 집중 시간 완료! 휴식 시간입니다.');
    expect(translate(timerMessages, 'ko', 'phaseEnd.break')).toBe('⏰ 휴식 종료! 다음 세션을 시작하세요.');
  });

  it('fills placeholders', () => {
    expect(translate(timerMessages, 'en', 'timer.cycle', { done: 2, total: 4 })).toBe('Cycle 2/4');
    expect(translate(participantsMessages, 'ko', 'participants.count', { count: 3 })).toBe('3명');
  });

  it('counts people, minutes and sessions in each language’s way (Intl.PluralRules; Korean with counters)', () => {
    const count = (catalog: Catalog<string>, language: 'en' | 'ko', key: string, n: number) =>
      translate(catalog, language, key, { count: n });
    expect([1, 2, 0].map((n) => count(participantsMessages, 'en', 'participants.count', n))).toEqual([
      '1 person',
      '2 people',
      '0 people',
    ]);
    expect([1, 2].map((n) => count(participantsMessages, 'ko', 'participants.count', n))).toEqual([
      '1명',
      '2명',
    ]);
    expect([1, 5].map((n) => count(timerMessages, 'en', 'spoken.time', n))).toEqual([
      '1 minute',
      '5 minutes',
    ]);
    expect(count(timerMessages, 'ko', 'spoken.time', 5)).toBe('5분');
    expect([1, 3].map((n) => count(statsMessages, 'en', 'stats.sessions.count', n))).toEqual([
      '1 session in this period',
      '3 sessions in this period',
    ]);
    expect(count(statsMessages, 'ko', 'stats.sessions.count', 3)).toBe('이 기간의 세션 3개');
  });
});
