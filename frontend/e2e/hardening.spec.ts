// The browser side of the hardened API, against the real backend: waiting out rate limits, removing
// everyone offline, the audit log, a phase end announced after a rejoin, and hub tickets.
import type { Page } from '@playwright/test';

import { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import {
  createRoom,
  expectConnected,
  hostAndTeammate,
  joinRoom,
  participantList,
  participantRow,
  timerStatus,
} from './support/room';

const busyNote = (page: Page) => page.getByTestId('busy-note');
const workEnded = (page: Page) =>
  page.getByRole('status').filter({ hasText: '🎉 Focus session complete! Time for a break.' });

test.describe('(a) a rate-limited timer command', () => {
  let limited: Backend;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Two timer commands per participant per 10 s: a quick start–pause–resume runs into the limit.
    limited = await Backend.start({
      RateLimiting__Enabled: 'true',
      RateLimiting__Commands__PermitLimit: '2',
      RateLimiting__Commands__Window: '00:00:10',
    });
  });
  test.afterAll(async () => {
    await limited.stop();
  });

  test('clicked faster than the limit, it says so calmly and goes through by itself after the wait', async ({
    openPerson,
  }) => {
    const a = await openPerson({ baseURL: limited.url });
    await createRoom(a);
    const primary = a.getByRole('button', { name: /^(Start Focus|Pause|Resume)$/ });
    // The limit's windows are cut on the clock: keep clicking until a command is refused.
    let waitingFor: string | undefined;
    for (const next of ['In progress', 'Paused', 'In progress', 'Paused', 'In progress', 'Paused']) {
      await primary.click();
      await expect(timerStatus(a).filter({ hasText: next }).or(busyNote(a))).toBeVisible();
      if (await busyNote(a).isVisible()) {
        waitingFor = next;
        break;
      }
    }
    expect(waitingFor, 'a command was refused for now').toBeDefined();
    await expect(busyNote(a)).toContainText(/Lots going on — trying again in \d+ s…/);
    await expect(a.getByRole('alert')).toHaveCount(0);

    // No click needed: after the wait the command is sent again and goes through.
    await expect(timerStatus(a)).toHaveText(waitingFor ?? '', { timeout: 15_000 });
    await expect(busyNote(a)).toBeHidden();
    await expect(a.getByRole('alert')).toHaveCount(0);
  });
});

test('(b) the host removes everyone offline at once, after a confirmation that says how many', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await expect(a.getByRole('button', { name: /^Remove offline/ })).toHaveCount(0);

  await b.context().close();
  await expect(participantRow(a, 'Ben')).toContainText('Offline');
  await a.getByRole('button', { name: 'Remove offline (1)' }).click();
  const confirm = a.getByRole('alertdialog', { name: 'Remove 1 offline participant?' });
  await expect(confirm).toContainText('Not connected right now: Ben.');
  await confirm.getByRole('button', { name: 'Remove' }).click();

  await expect(participantList(a).getByRole('listitem')).toHaveCount(1);
  await expect(a.getByText('Removed 1 offline participant.')).toBeVisible();
  await expect(a.getByRole('button', { name: /^Remove offline/ })).toHaveCount(0);
});

test('(c) the recent changes show a settings change and a reset, with who did them, to everyone', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await a.getByRole('button', { name: 'Room settings' }).click();
  const settings = a.getByRole('dialog', { name: 'Room settings' });
  await expect(settings.getByRole('region', { name: 'Recent changes' })).toContainText('No changes yet.');
  await settings.getByLabel('Focus', { exact: true }).fill('50');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a)).toHaveText('In progress');
  await a.getByRole('button', { name: 'Reset the timer' }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Reset' }).click();
  await expect(timerStatus(a)).toHaveText('Ready to focus');

  // A member reads them, read-only, newest first.
  await b.getByRole('button', { name: 'Recent changes in this room' }).click();
  const changes = b
    .getByRole('dialog', { name: 'Recent changes' })
    .getByRole('list', { name: 'Recent changes' });
  const entries = changes.locator(':scope > li');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Ana reset the timer');
  await expect(entries.nth(1)).toContainText('Ana changed the settings');
  await expect(entries.nth(1)).toContainText('Focus: 25 → 50');
  await expect(entries.nth(0).locator('time')).toHaveText('now');
  await expect(b.getByRole('dialog').getByRole('button', { name: 'Save settings' })).toHaveCount(0);

  // The host sees the same in the settings dialog, loaded afresh.
  await a.getByRole('button', { name: 'Room settings' }).click();
  const region = a
    .getByRole('dialog', { name: 'Room settings' })
    .getByRole('region', { name: 'Recent changes' });
  await expect(region.getByRole('list', { name: 'Recent changes' }).locator(':scope > li')).toHaveCount(2);
  await expect(region).toContainText('Ana reset the timer');
});

test('(d) a page that comes back within a minute of a phase end shows its banner once, and not after a reload', async ({
  openPerson,
  backend,
}) => {
  const a = await openPerson();
  const b = await openPerson();
  // B counts its phase-end notifications in this tab's sessionStorage, across reloads.
  await b.context().grantPermissions(['notifications']);
  await b.addInitScript(() => {
    class CountingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(_title: string, options?: NotificationOptions) {
        const shown = JSON.parse(sessionStorage.getItem('shown') ?? '[]') as unknown[];
        sessionStorage.setItem('shown', JSON.stringify([...shown, options?.body]));
      }
    }
    Object.defineProperty(window, 'Notification', { value: CountingNotification });
  });
  const shown = () => b.evaluate(() => JSON.parse(sessionStorage.getItem('shown') ?? '[]') as unknown[]);

  const link = await createRoom(a, { work: 1 });
  await joinRoom(b, link);
  // B leaves the room page (its place stays, it goes offline); the phase ends while it is away.
  await b.goto('/');
  await expect(participantRow(a, 'Ben')).toContainText('Offline');
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a)).toHaveText('In progress');
  await backend.advanceClock(61);
  await expect(workEnded(a)).toBeVisible();

  await b.goto(link);
  await expectConnected(b);
  await expect(workEnded(b)).toBeVisible();
  expect(await shown()).toEqual(['🎉 Focus session complete! Time for a break.']);

  // Joined again (a reload): the snapshot names the same phase end; this page announced it already.
  await b.reload();
  await expectConnected(b);
  await expect(b.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect(workEnded(b)).toHaveCount(0);
  expect(await shown()).toHaveLength(1);

  // A saw it live: its reload does not announce it again either.
  await a.reload();
  await expectConnected(a);
  await expect(workEnded(a)).toHaveCount(0);
});

test('(e) the hub opens with a single-use ticket: the participant token is in no URL the browser opens', async ({
  openPerson,
}) => {
  const a = await openPerson();
  const sockets: string[] = [];
  const requests: string[] = [];
  a.on('websocket', (socket) => sockets.push(socket.url()));
  a.on('request', (request) => requests.push(request.url()));
  const link = await createRoom(a);
  await a.reload();
  await expectConnected(a);

  const roomId = link.split('/').pop() ?? '';
  const token = await a.evaluate(
    (id) => (JSON.parse(localStorage.getItem(`focusmate.room.${id}`) ?? '{}') as { token: string }).token,
    roomId,
  );
  expect(token).toBeTruthy();
  expect(sockets.length, 'one socket per page load').toBeGreaterThanOrEqual(2);
  const tickets = sockets.map((url) => new URL(url).searchParams.get('access_token') ?? '');
  for (const [i, url] of sockets.entries()) {
    expect(url).toContain('/hubs/room?access_token=');
    expect(url).not.toContain(token);
    // A ticket is a JWT for the hub's audience, not the participant token.
    const payload = JSON.parse(Buffer.from(tickets[i]?.split('.')[1] ?? '', 'base64url').toString()) as {
      aud: string;
    };
    expect(payload.aud).toBe('focusmate-hub');
  }
  expect(new Set(tickets).size, 'each connection its own ticket').toBe(tickets.length);
  for (const url of requests) expect(url).not.toContain(token);
});
