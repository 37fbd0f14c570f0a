import { create } from 'zustand';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const storageKey = 'focusmate.theme';
const order: ThemePreference[] = ['system', 'light', 'dark'];

export function nextPreference(current: ThemePreference): ThemePreference {
  return order[(order.indexOf(current) + 1) % order.length] ?? 'system';
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

function readSaved(): ThemePreference {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function apply(preference: ThemePreference): void {
  const theme = resolveTheme(preference, darkQuery().matches);
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

interface ThemeState {
  preference: ThemePreference;
  cycle: () => void;
}

export const useThemeStore = create<ThemeState>()((set, get) => ({
  preference: readSaved(),
  cycle: () => {
    const preference = nextPreference(get().preference);
    try {
      localStorage.setItem(storageKey, preference);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    apply(preference);
    set({ preference });
  },
}));

/** Applies the saved theme now and follows the system's when the preference is "system". */
export function startTheme(): void {
  apply(useThemeStore.getState().preference);
  darkQuery().addEventListener('change', () => apply(useThemeStore.getState().preference));
}
