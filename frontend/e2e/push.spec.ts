// Web Push. "Notify me when the tab is closed" asks the permission on the click, subscribes with the
// server's VAPID key and hands the subscription to the API; the API then posts each phase end, encrypted,
// to the browser's push service (a local one here: Chromium's own is Google's, out of reach), and the
// service worker shows it as a notification, delivered to it through the Chrome DevTools Protocol as a
// push service would.
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

import { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import { decryptPush, fakePushManager, LocalPushService, type FakeBrowser } from './support/push-service';
import { serviceWorkerReady } from './support/pwa';
import { createRoom, timerStatus } from './support/room';

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

interface Shown {
  title: string;
  body: string;
  tag: string;
  data: unknown;
}

/** A notification the worker showed: when it was up, and what the registration showed at that moment. */
interface Showing {
  at: number;
  notifications: Shown[];
}

/** What the test reads and records in the service worker's own scope. */
interface WorkerScope {
  registration: ServiceWorkerRegistration & { getNotifications: () => Promise<Shown[]> };
  showings?: Showing[];
}

/** The page's service worker registration, as DevTools names it. */
async function registrationOf(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on(
      'ServiceWorker.workerRegistrationUpdated',
      ({ registrations }: { registrations: Registration[] }) => {
        const mine = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
        if (mine) resolve(mine.registrationId);
      },
    );
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

function workerOf(context: BrowserContext): Worker {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('No service worker in the context.');
  return worker;
}

/**
 * From now on the worker notes each notification it shows: when it was up (Date.now(), the machine's clock)
 * and the notifications the registration held right then. (Read later, headless Chromium sometimes has
 * already taken a notification down again; the moment it is up is what counts.)
 */
const recordShowing = (worker: Worker) =>
  worker.evaluate(() => {
    const scope = self as unknown as WorkerScope;
    const registration = scope.registration;
    const show = registration.showNotification.bind(registration);
    scope.showings = [];
    registration.showNotification = async (title, options) => {
      await show(title, options);
      const at = Date.now();
      const notifications = (await registration.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        data: n.data as unknown,
      }));
      scope.showings?.push({ at, notifications });
    };
  });

const showings = (worker: Worker) => worker.evaluate(() => (self as unknown as WorkerScope).showings ?? []);

/** Waits for the `count`th notification shown; returns what was up then. */
async function nthShowing(worker: Worker, count: number): Promise<Showing> {
  await expect.poll(async () => (await showings(worker)).length).toBe(count);
  const showing = (await showings(worker))[count - 1];
  if (!showing) throw new Error(`no showing ${count}`);
  return showing;
}

interface PushTarget {
  cdp: CDPSession;
  registrationId: string;
  worker: Worker;
}

/** Delivers `data` to the page's service worker as its push service would; returns when it was sent. */
async function deliver(page: Page, { cdp, registrationId }: PushTarget, data: unknown): Promise<number> {
  const origin = new URL(page.url()).origin;
  const sentAt = Date.now();
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(data) });
  return sentAt;
}

async function pushReady(page: Page, origin: string): Promise<PushTarget> {
  await serviceWorkerReady(page);
  const cdp = await page.context().newCDPSession(page);
  const registrationId = await registrationOf(cdp, `${origin}/`);
  const worker = workerOf(page.context());
  await recordShowing(worker);
  return { cdp, registrationId, worker };
}

const pushSwitch = (page: Page) => page.getByRole('switch', { name: 'Notify me when the tab is closed' });

async function openAlerts(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sounds and notifications' }).click();
  await expect(page.getByRole('dialog', { name: 'Sounds and notifications' })).toBeVisible();
}

test('a push shows the phase end as a notification tagged with its room, opening the room, within a moment', async ({
  openPerson,
  backend,
}) => {
  const page = await openPerson();
  await page.context().grantPermissions(['notifications'], { origin: backend.url });
  await page.goto('/');
  const target = await pushReady(page, backend.url);
  const { worker } = target;

  const roomId = '3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e';
  const payload = {
    title: 'Focus session complete',
    body: 'design-review: time for a short break.',
    url: `/room/${roomId}`,
    tag: `focusmate-${roomId}`,
    room_id: roomId,
    completed_session_type: 'work',
    next_session_type: 'break',
    completed_at: new Date().toISOString(),
  };
  const sentAt = await deliver(page, target, payload);
  const first = await nthShowing(worker, 1);
  expect(first.notifications).toEqual([
    {
      title: payload.title,
      body: payload.body,
      tag: payload.tag,
      data: { url: `${backend.url}/room/${roomId}` },
    },
  ]);
  const latency = first.at - sentAt;
  console.log(`[push] delivered to notification shown: ${latency} ms`);
  expect(latency).toBeLessThan(1_000);

  // A second phase end in the same room replaces the first notification instead of piling up.
  await deliver(page, target, { ...payload, body: 'design-review: back to focus.' });
  const second = await nthShowing(worker, 2);
  expect(second.notifications.map((n) => n.body)).toEqual(['design-review: back to focus.']);
});

/** Opens the dialog and turns the room's pushes on or off. */
async function setPush(page: Page, on: boolean): Promise<void> {
  await openAlerts(page);
  await expect(pushSwitch(page)).toBeChecked({ checked: !on });
  await pushSwitch(page).click();
  await expect(pushSwitch(page)).toBeChecked({ checked: on });
  if (on) await expect(page.getByTestId('push')).toContainText('On: this device is notified');
  await page.keyboard.press('Escape');
}

/** A focus phase ends: the API pushes it, encrypted for this browser, to its push service. */
async function focusEndsAndIsPushed(
  page: Page,
  browser: FakeBrowser,
  link: string,
  { api, pushService }: { api: Backend; pushService: LocalPushService },
) {
  await page.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(page)).toHaveText('In progress');
  const endedAt = Date.now();
  await api.advanceClock(61);
  await expect.poll(() => pushService.pushesTo(browser).length).toBe(1);
  const [push] = pushService.pushesTo(browser);
  if (!push) throw new Error('no push');
  console.log(`[push] phase end to push received by the push service: ${push.at - endedAt} ms`);
  expect(push.headers['content-encoding']).toBe('aes128gcm');
  expect(push.headers.authorization).toMatch(/^vapid t=.+, k=.+$/);
  const payload = JSON.parse(decryptPush(push.body, browser)) as Record<string, string>;
  expect(payload).toMatchObject({
    url: new URL(link).pathname,
    completed_session_type: 'work',
    next_session_type: 'break',
  });
  return payload;
}

/**
 * The room's page in front tells of the phase end itself: a push shows a notification only elsewhere. The
 * worker handles pushes in the order they come, so the one shown (the second) proves the first was passed.
 */
async function shownOnlyAwayFromTheRoom(
  page: Page,
  target: PushTarget,
  payload: Record<string, string>,
  link: string,
) {
  await deliver(page, target, { ...payload, body: 'while the room was in front' });

  // Elsewhere (the tab on another page, or closed), the push shows as a notification that opens the room.
  await page.goto('/');
  const sentAt = await deliver(page, target, payload);
  const { at, notifications } = await nthShowing(target.worker, 1);
  console.log(`[push] delivered to notification shown: ${at - sentAt} ms`);
  expect(notifications.map((n) => n.data)).toEqual([{ url: new URL(link).href }]);
  expect(notifications.map((n) => n.body)).toEqual([payload.body]);
  expect(await showings(target.worker)).toHaveLength(1);
}

/** Subscribes another device of the page's participant to the room's pushes, through the API. */
async function subscribeDirectly(page: Page, link: string, device: FakeBrowser): Promise<void> {
  const roomId = new URL(link).pathname.split('/').pop() ?? '';
  const token = await page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token,
    `focusmate.room.${roomId}`,
  );
  const response = await page.request.post(`/api/v1/rooms/${roomId}/push-subscriptions`, {
    headers: { Authorization: `Bearer ${token ?? ''}` },
    data: { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
  });
  expect(response.status()).toBe(201);
}

test.describe('notify me when the tab is closed', () => {
  let pushService: LocalPushService;
  let api: Backend;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    pushService = await LocalPushService.start();
    api = await Backend.start({ Push__AllowedEndpoints__0: pushService.origin });
  });
  test.afterAll(async () => {
    await api.stop();
    await pushService.close();
  });

  test('turned on, the room’s phase ends come as pushes and show as notifications; turned off, they stop', async ({
    openPerson,
  }) => {
    const page = await openPerson({ baseURL: api.url });
    await page.context().grantPermissions(['notifications'], { origin: api.url });
    const browser: FakeBrowser = pushService.newBrowser();
    await page.addInitScript(fakePushManager, {
      endpoint: browser.endpoint,
      p256dh: browser.p256dh,
      auth: browser.auth,
    });
    const link = await createRoom(page, { work: 1 });
    const target = await pushReady(page, api.url);

    await setPush(page, true);
    const payload = await focusEndsAndIsPushed(page, browser, link, { api, pushService });

    await shownOnlyAwayFromTheRoom(page, target, payload, link);

    // Turned off: the server forgets the subscription, and the next phase end is pushed to nobody. A
    // second device of the same participant stays subscribed: its push says the phase end went out (a
    // room's pushes leave together), so the first browser's absence is read after it, not after a pause.
    await page.goto(link);
    await setPush(page, false);
    const witness = pushService.newBrowser();
    await subscribeDirectly(page, link, witness);
    await api.advanceClock(5 * 60 + 1);
    await expect(page.getByRole('heading', { name: 'Focus' })).toBeVisible();
    await expect.poll(() => pushService.pushesTo(witness).length).toBe(1);
    expect(pushService.pushesTo(browser)).toHaveLength(1);
  });

  test('a browser that refuses says why, and how to allow it', async ({ openPerson }) => {
    const page = await openPerson({ baseURL: api.url });
    await page.context().grantPermissions([], { origin: api.url });
    await createRoom(page);
    await serviceWorkerReady(page);
    await openAlerts(page);
    await pushSwitch(page).click();
    await expect(page.getByTestId('push').getByRole('alert')).toHaveText(
      /Notifications are blocked for this site|closed without an answer/,
    );
    await expect(pushSwitch(page)).not.toBeChecked();
  });

  test('a browser without Web Push says so, with the switch disabled', async ({ openPerson }) => {
    const page = await openPerson({ baseURL: api.url });
    await page.addInitScript(() => Reflect.deleteProperty(window, 'PushManager'));
    await createRoom(page);
    await openAlerts(page);
    await expect(page.getByTestId('push').getByRole('alert')).toContainText(
      'This browser cannot notify you with the tab closed',
    );
    await expect(pushSwitch(page)).toBeDisabled();
  });
});
