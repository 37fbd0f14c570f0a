// The mechanism only: each feature keeps its own texts (a `messages.ts` beside its code, English and
// Korean) and looks them up here, with {placeholders} filled in and plural forms chosen by
// Intl.PluralRules for the reader's language ("1 person", "2 people"; Korean counts without plurals).
import { useCallback } from 'react';

import { useLanguage, useLanguageStore, type Language } from './language';

/** One text per plural category the language uses ('one', 'other', …); `other` is always there. */
export interface PluralText {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
  /** The number parameter that picks the form; `count` unless said. */
  readonly by?: string;
}

export type Message = string | PluralText;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A feature's texts in every language the app speaks, under the same keys. */
export interface Catalog<K extends string> {
  readonly en: Readonly<Record<K, Message>>;
  readonly ko: Readonly<Record<K, Message>>;
}

export type KeyOf<C> = C extends Catalog<infer K> ? K : never;
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

export function defineMessages<const E extends Record<string, Message>>(
  en: E,
  ko: Readonly<Record<keyof E & string, Message>>,
): Catalog<keyof E & string> {
  return { en, ko };
}

/** One catalog holding the keys of several (a feature's own texts and the shared ones it uses). */
export function mergeMessages<const C extends readonly Catalog<string>[]>(
  ...catalogs: C
): Catalog<KeyOf<C[number]>> {
  return {
    en: Object.assign({}, ...catalogs.map((c) => c.en)) as Record<KeyOf<C[number]>, Message>,
    ko: Object.assign({}, ...catalogs.map((c) => c.ko)) as Record<KeyOf<C[number]>, Message>,
  };
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function pluralRulesOf(language: Language): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules;
}

function pluralForm(text: PluralText, language: Language, params: MessageParams): string {
  const count = Number(params[text.by ?? 'count']);
  if (!Number.isFinite(count)) return text.other;
  return text[pluralRulesOf(language).select(count)] ?? text.other;
}

export function interpolate(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate<K extends string>(
  catalog: Catalog<K>,
  language: Language,
  key: K,
  params: MessageParams = {},
): string {
  const message = catalog[language][key];
  return interpolate(typeof message === 'string' ? message : pluralForm(message, language, params), params);
}

/** Every form of a message, for checks that look at all of them (placeholders, say). */
export function formsOf(message: Message): string[] {
  if (typeof message === 'string') return [message];
  const forms: (string | undefined)[] = [message.zero, message.one, message.two, message.few, message.many];
  return [...forms.filter((form): form is string => form !== undefined), message.other];
}

/** The translate function of `catalog` in the current language; re-renders when the language changes. */
export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const language = useLanguage();
  return useCallback((key, params) => translate(catalog, language, key, params), [catalog, language]);
}

/** For code outside components (notifications, the tab title). */
export function translateNow<K extends string>(catalog: Catalog<K>, key: K, params?: MessageParams): string {
  return translate(catalog, useLanguageStore.getState().language, key, params);
}
