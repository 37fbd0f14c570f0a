// Which language the app speaks: the saved choice, else the browser's, else English.
import { create } from 'zustand';

export type Language = 'en' | 'ko';

const storageKey = 'focusmate.language';

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

/** The current language; re-renders when it changes. */
export const useLanguage = (): Language => useLanguageStore((s) => s.language);
