import { useCallback } from 'react';
import { create } from 'zustand';

import { en, ko, type MessageKey } from './messages';

export type { MessageKey };
export type Language = 'en' | 'ko';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ko };
const storageKey = 'focusmate.language';

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The saved choice, else the browser's first language that we speak, else English. */
export function initialLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'en' || saved === 'ko') return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko' || primary === 'en') return primary;
  }
  return 'en';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: initialLanguage(readSaved(), typeof navigator === 'undefined' ? [] : navigator.languages),
  setLanguage: (language) => {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** The translate function for the current language; re-renders when the language changes. */
export function useT(): Translate {
  const language = useLanguageStore((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

/** For code outside components (notifications, the tab title). */
export function translateNow(key: MessageKey, params?: MessageParams): string {
  return translate(useLanguageStore.getState().language, key, params);
}
