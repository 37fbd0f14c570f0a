// The app through the repository's own nginx config (deploy/nginx/focusmate.conf.template): the one
// origin the browser sees in the docker-compose deployment, with its Content-Security-Policy. The hub
// must work over WebSockets alone (no negotiation, no sticky sessions) and nothing may break the CSP.
import type { Page } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { Nginx } from './support/nginx';
import { serviceWorkerReady } from './support/pwa';
import { chatLog, createRoom, joinRoom, sendChat, timerStatus } from './support/room';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

let nginx: Nginx;

test.beforeAll(async ({ backend }) => {
  nginx = await Nginx.start([backend.port]);
});

test.afterAll(async () => {
  await nginx.stop();
});

interface Watched {
  page: Page;
  /** CSP reports and console errors that mention the policy. */
  violations: string[];
  hubRequests: string[];
  webSockets: string[];
}

async function watched(page: Page): Promise<Watched> {
  const result: Watched = { page, violations: [], hubRequests: [], webSockets: [] };
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      result.violations.push(message.text());
    }
  });
  page.on('request', (request) => {
    if (request.url().includes('/hubs/')) result.hubRequests.push(request.url());
  });
  page.on('websocket', (socket) => result.webSockets.push(socket.url()));
  return result;
}

test('through nginx: create, join by link, start, chat — over WebSockets, with no CSP violation', async ({
  openPerson,
}) => {
  const a = await watched(await openPerson({ baseURL: nginx.url }));
  const b = await watched(await openPerson({ baseURL: nginx.url, colorScheme: 'dark' }));

  const home = await a.page.goto('/');
  expect(home?.headers()['content-security-policy']).toContain("script-src 'self'");
  // The service worker (a script from its own file) runs under the policy, and the manifest loads.
  expect(await serviceWorkerReady(a.page)).toBe('activated');
  expect((await a.page.request.get('/manifest.webmanifest')).ok()).toBe(true);

  const link = await createRoom(a.page);
  expect(link.startsWith(nginx.url)).toBe(true);
  await joinRoom(b.page, link);
  // The theme script ran (from its own file) before the app: B's dark system theme is applied.
  await expect(b.page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await a.page.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a.page)).toHaveText('In progress');
  await expect(timerStatus(b.page)).toHaveText('In progress');

  await sendChat(b.page, 'Through the proxy 👋');
  await expect(chatLog(a.page).getByText('Through the proxy 👋')).toBeVisible();

  // Dialogs (Radix adds styles and focus guards) and the sound toggle work under the policy too.
  await a.page.getByRole('button', { name: 'Room settings' }).click();
  await expect(a.page.getByRole('dialog', { name: 'Room settings' })).toBeVisible();
  await a.page.keyboard.press('Escape');
  await a.page.getByRole('button', { name: 'Reset the timer' }).click();
  await a.page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await a.page.getByRole('button', { name: 'Mute the phase-end sound' }).click();

  for (const { page, violations, hubRequests, webSockets } of [a, b]) {
    expect(violations).toEqual([]);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    // WebSockets only: no negotiate request, no long polling; the socket went through nginx.
    expect(hubRequests.filter((url) => !url.startsWith('ws'))).toEqual([]);
    expect(webSockets.some((url) => url.startsWith(`ws://127.0.0.1:${nginx.port}/hubs/room`))).toBe(true);
  }
  // nginx logs a WebSocket when it closes: the upgrade (101) went through the proxy.
  await Promise.all([a.page.close(), b.page.close()]);
  // The log names the path without its query: the hub's access token never reaches the log.
  await expect.poll(() => nginx.accessLog).toMatch(/"GET \/hubs\/room HTTP\/1\.1" 101 /);
  expect(nginx.accessLog).not.toContain('access_token');
});
