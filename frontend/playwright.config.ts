import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browsers here (see ../shared/TOOLCHAIN.md).
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './e2e',
  testIgnore: ['**/screenshots.spec.ts'],
  // One API process per worker; the tests share it (each owns its rooms) and one of them restarts it.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 5_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    headless: true,
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
});
