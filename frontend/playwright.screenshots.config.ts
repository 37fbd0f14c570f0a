import { defineConfig } from '@playwright/test';

import { chromium } from './playwright.config';

// `npm run screenshots`: pictures of the real app for docs/screenshots and the README.
export default defineConfig({
  testDir: './e2e',
  testMatch: ['**/screenshots.spec.ts'],
  workers: 1,
  timeout: 120_000,
  reporter: 'list',
  use: { headless: true, launchOptions: chromium },
});
