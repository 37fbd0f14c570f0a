import { describe, expect, it } from 'vitest';

import { initialLanguage } from './language';

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
