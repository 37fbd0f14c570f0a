import { describe, expect, it } from 'vitest';

import { defineMessages, formsOf, mergeMessages, translate } from './translate';

const people = defineMessages(
  {
    'people.count': { one: '{count} person', other: '{count} people' },
    'people.of': { by: 'total', one: '{done} of {total} seat', other: '{done} of {total} seats' },
    'people.hello': 'Hello, {name}',
  },
  {
    'people.count': '{count}명',
    'people.of': '{total}석 중 {done}석',
    'people.hello': '{name} 님, 안녕하세요',
  },
);

describe('translate', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(translate(people, 'en', 'people.hello', { name: 'Mina' })).toBe('Hello, Mina');
    expect(translate(people, 'en', 'people.hello')).toBe('Hello, {name}');
  });

  it('chooses the English plural form by Intl.PluralRules', () => {
    expect(translate(people, 'en', 'people.count', { count: 1 })).toBe('1 person');
    expect(translate(people, 'en', 'people.count', { count: 2 })).toBe('2 people');
    expect(translate(people, 'en', 'people.count', { count: 0 })).toBe('0 people');
  });

  it('chooses the form by the parameter the text names', () => {
    expect(translate(people, 'en', 'people.of', { done: 0, total: 1 })).toBe('0 of 1 seat');
    expect(translate(people, 'en', 'people.of', { done: 1, total: 3 })).toBe('1 of 3 seats');
  });

  it('counts in Korean with a counter and no plural forms', () => {
    expect(translate(people, 'ko', 'people.count', { count: 1 })).toBe('1명');
    expect(translate(people, 'ko', 'people.count', { count: 12 })).toBe('12명');
  });

  it('falls back to the "other" form when the count is missing', () => {
    expect(translate(people, 'en', 'people.count')).toBe('{count} people');
  });
});

describe('catalogs', () => {
  it('merge into one holding the keys of each', () => {
    const more = defineMessages({ 'more.yes': 'Yes' }, { 'more.yes': '네' });
    const both = mergeMessages(people, more);
    expect(translate(both, 'ko', 'more.yes')).toBe('네');
    expect(translate(both, 'en', 'people.count', { count: 1 })).toBe('1 person');
  });

  it('list every form of a plural text', () => {
    expect(formsOf(people.en['people.count'])).toEqual(['{count} person', '{count} people']);
    expect(formsOf('plain')).toEqual(['plain']);
  });
});
