// Web Push: a push delivered to the service worker (through the Chrome DevTools Protocol, as a push
// service would) shows the phase end as a notification, one per room, that opens the room.
import type { CDPSession } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { serviceWorkerReady } from './support/pwa';

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

/** What the test reads in the service worker's own scope. */
interface WorkerScope {
  registration: {
    getNotifications: () => Promise<{ title: string; body: string; tag: string; data: unknown }[]>;
  };
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

test('a push shows the phase end as a notification tagged with its room, opening the room', async ({
  openPerson,
  backend,
}) => {
  const page = await openPerson();
  await page.context().grantPermissions(['notifications'], { origin: backend.url });
  await page.goto('/');
  await serviceWorkerReady(page);

  const cdp = await page.context().newCDPSession(page);
  const registrationId = await registrationOf(cdp, `${backend.url}/`);
  const roomId = '3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e';
  const payload = {
    title: 'FocusMate',
    body: '🎉 Focus session complete! Time for a break.',
    url: `/room/${roomId}`,
    room_id: roomId,
    completed_session_type: 'work',
    next_session_type: 'break',
    completed_at: new Date().toISOString(),
  };
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: backend.url,
    registrationId,
    data: JSON.stringify(payload),
  });

  const [worker] = page.context().serviceWorkers();
  if (!worker) throw new Error('No service worker in the context.');
  const shown = () =>
    worker.evaluate(async () =>
      (await (self as unknown as WorkerScope).registration.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        data: n.data,
      })),
    );
  await expect
    .poll(shown)
    .toEqual([
      { title: 'FocusMate', body: payload.body, tag: roomId, data: { url: `${backend.url}/room/${roomId}` } },
    ]);

  // A second phase end in the same room replaces the first notification instead of piling up.
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: backend.url,
    registrationId,
    data: JSON.stringify({ ...payload, body: '⏰ Break is over! Start the next session.' }),
  });
  await expect
    .poll(async () => (await shown()).map((n) => n.body))
    .toEqual(['⏰ Break is over! Start the next session.']);
});
