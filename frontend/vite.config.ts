import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

import { serviceWorker } from './vite-plugins/service-worker-plugin.ts';

// In development the API runs on its own port; the browser still sees one origin through this proxy.
const apiTarget = process.env.FOCUSMATE_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react(), serviceWorker()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      '/swagger': apiTarget,
      '/hubs': { target: apiTarget, ws: true },
    },
  },
  css: {
    // Scoped per file, but still readable in the page (`countdown_x7f2a`).
    modules: { generateScopedName: '[local]_[hash:base64:5]' },
  },
  build: {
    target: 'es2022',
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    restoreMocks: true,
    // A component's classes keep their own names in tests (`chat__note--problem`).
    css: { modules: { classNameStrategy: 'non-scoped' } },
  },
});
