// The service worker's side of a page: waiting for it, and reading what it keeps.
import type { Page } from '@playwright/test';

/**
 * Waits until the service worker is active and controls the page; returns its state.
 *
 * A page whose navigation was under way while the worker activated can miss `clients.claim()` (it claims
 * the clients that exist at that moment, and the new document did not yet) and stays uncontrolled until
 * it loads again; that is how browsers behave, not a fault of the app, so such a page is reloaded once.
 */
export async function serviceWorkerReady(page: Page): Promise<string | undefined> {
  const first = await activeWorker(page);
  if (first.controlled) return first.state;
  await page.reload();
  const again = await activeWorker(page);
  if (!again.controlled)
    throw new Error('The service worker is active but does not control a freshly loaded page.');
  return again.state;
}

/** The active worker's state once it is activated, and whether it controls the page (given a moment to claim it). */
function activeWorker(page: Page): Promise<{ state: string | undefined; controlled: boolean }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
    }
    if (!navigator.serviceWorker.controller) {
      // clients.claim() runs while the worker activates; its controllerchange is at most a task behind.
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, 2_000);
      });
    }
    return { state: registration.active?.state, controlled: navigator.serviceWorker.controller !== null };
  });
}

/** Every URL the app's caches hold. */
export function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      urls.push(...(await cache.keys()).map((request) => request.url));
    }
    return urls;
  });
}

/** Width and height of a PNG, from its header. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
