import { describe, expect, it } from 'vitest';

import { initialLanguage, translate } from '.';
import { en, ko, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has a Korean text for every English one, with the same placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(ko[key], key).toBeTruthy();
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('uses the seed document’s Korean phase-end messages', () => {
    expect(translate('ko', 'phaseEnd.work')).toBe('🎉 집중 시간 완료! 휴식 시간입니다.');
    expect(translate('ko', 'phaseEnd.break')).toBe('⏰ 휴식 종료! 다음 세션을 시작하세요.');
  });

  it('fills placeholders', () => {
    expect(translate('en', 'timer.cycle', { done: 2, total: 4 })).toBe('Cycle 2/4');
    expect(translate('ko', 'participants.count', { count: 3 })).toBe('3명');
  });
});

describe('initialLanguage', () => {
  it('prefers a saved choice', () => {
    expect(initialLanguage('ko', ['en-US'])).toBe('ko');
  });

  it('follows the browser’s first language we speak', () => {
    expect(initialLanguage(null, ['fr-FR', 'ko-KR', 'en'])).toBe('ko');
    expect(initialLanguage(null, ['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(initialLanguage('xx', ['de-DE'])).toBe('en');
  });
});
