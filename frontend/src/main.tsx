// First: the cascade layers are declared in the order the global stylesheet names them.
import './styles/global.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from '@/app/app';
import { unlockAudioOnFirstGesture } from '@/lib/audio';
import { useLanguageStore } from '@/lib/i18n/language';
import { registerServiceWorker } from '@/lib/service-worker';
import { startTheme } from '@/lib/theme';

startTheme();
document.documentElement.lang = useLanguageStore.getState().language;
unlockAudioOnFirstGesture();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
