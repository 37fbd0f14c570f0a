import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

import { Backend } from './backend';
import { recordFlips } from './flips';

interface Fixtures {
  /** Opens a page in a browser context of its own (its own storage: another person). */
  openPerson: (options?: BrowserContextOptions) => Promise<Page>;
}

interface WorkerFixtures {
  backend: Backend;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  backend: [
    async ({}, use) => {
      const backend = await Backend.start();
      await use(backend);
      await backend.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ backend }, use) => {
    await use(backend.url);
  },
  openPerson: async ({ browser, backend }, use) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL: backend.url, locale: 'en-US', ...options });
      contexts.push(context);
      const page = await context.newPage();
      await page.addInitScript(recordFlips);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };
