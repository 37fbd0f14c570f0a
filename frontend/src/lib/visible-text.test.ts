import { describe, expect, it } from 'vitest';

import { isShowableText, trimmedLength } from './visible-text';

describe('text others read (the server’s rule)', () => {
  it('takes letters in any script, emoji sequences and flags', () => {
    for (const text of ['Reviewing the onboarding flow', '릴리스 노트 정리', '👩‍💻 pairing', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      expect(isShowableText(text), text).toBe(true);
    }
  });

  it('refuses control, format and direction characters, separators and lone surrogates', () => {
    for (const text of [
      'a\u0007b',
      'a\nb',
      'a\u200bb',
      'evil\u202Etxt.exe',
      'a\u2066b',
      'a\u2028b',
      'a\ud800b',
      'a\u200db',
    ]) {
      expect(isShowableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('needs at least one visible character', () => {
    for (const text of ['   ', '\u3164\u3164', '\u2800', '\u0301']) {
      expect(isShowableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('measures as the server does: trimmed, in UTF-16 code units', () => {
    expect(trimmedLength('  task  ')).toBe(4);
    expect(trimmedLength('🍅')).toBe(2);
  });
});
