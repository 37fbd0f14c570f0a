import { Link, Outlet } from 'react-router-dom';

import { iconButtonClass, textButtonClass } from '@/components/button-class';
import { MonitorIcon, MoonIcon, SunIcon } from '@/components/icons';
import { useLanguageStore } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';
import { useThemeStore } from '@/lib/theme';

import styles from './layout.module.css';
import { appMessages } from './messages';

const themeIcons = { system: <MonitorIcon />, light: <SunIcon />, dark: <MoonIcon /> } as const;

export function Layout() {
  const t = useT(appMessages);
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const preference = useThemeStore((s) => s.preference);
  const cycleTheme = useThemeStore((s) => s.cycle);
  const themeName = t(`theme.${preference}`);

  return (
    <div className={styles.app}>
      <a className={styles['skip-link']} href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={styles['app-header']}>
        <Link to="/" className={styles.brand} aria-label={t('app.home')}>
          <span className={styles.brand__mark} aria-hidden="true" />
          <span>{t('app.name')}</span>
        </Link>
        <div className={styles['app-header__tools']}>
          <button
            type="button"
            className={textButtonClass}
            lang={language === 'en' ? 'ko' : 'en'}
            aria-label={t('language.switch')}
            onClick={() => setLanguage(language === 'en' ? 'ko' : 'en')}
          >
            {t('language.short')}
          </button>
          <button
            type="button"
            className={iconButtonClass()}
            aria-label={t('theme.switch', { mode: themeName })}
            title={themeName}
            onClick={cycleTheme}
          >
            {themeIcons[preference]}
          </button>
        </div>
      </header>
      <main id="main" className={styles['app-main']} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
