// FocusMate's service worker: the app installable and an offline page when the network is down, built
// assets kept once fetched, and Web Push notifications of phase ends. Built to /sw.js (see
// vite-plugins/service-worker-plugin.ts, which writes the shell list and the version in at build time).
/// <reference lib="webworker" />
import { notificationFor, readPayload, type PushNotification } from './push';
import { strategyFor } from './strategy';
import { shownInFront, shownPageOf, windowShowing } from './windows';

declare const self: ServiceWorkerGlobalScope;

/** The offline shell's files (paths), written in by the build. */
const shell: string[] = ['__FOCUSMATE_SHELL__'];
/** Changes with every build that changes a file: a new version replaces the old cache. */
const version = '__FOCUSMATE_VERSION__';
const cacheName = `focusmate-${version}`;
const offlinePage = '/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(shell))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, self.location.origin, shell);
  if (strategy === 'page') event.respondWith(page(event.request));
  else if (strategy === 'asset' || strategy === 'shell') event.respondWith(kept(event.request));
});

/** A page from the network; the offline page when there is none. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(offlinePage)) ?? Response.error();
  }
}

/** From the cache; fetched and kept on a miss (hashed assets never change under their name). */
async function kept(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('push', (event) => {
  event.waitUntil(notify(notificationFor(readPayload(event.data), self.location.origin)));
});

/** Shows the notification, unless the room's page is in front (it shows its own banner and chime). */
async function notify({ title, options, url }: PushNotification): Promise<void> {
  if (shownInFront(await appWindows(), url)) return;
  await self.registration.showNotification(title, options);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url === 'string' ? data.url : `${self.location.origin}/`;
  event.waitUntil(focusOrOpen(url));
});

async function focusOrOpen(url: string): Promise<void> {
  const open = windowShowing(await appWindows(), url);
  if (open) await open.client.focus();
  else await self.clients.openWindow(url);
}

/** Which page each window shows, as it last said (the app moves between pages without loading one). */
const shownPages = new Map<string, string>();

self.addEventListener('message', (event) => {
  const url = shownPageOf(event.data, self.location.origin);
  if (url && event.source instanceof WindowClient) shownPages.set(event.source.id, url);
});

/** The app's open windows, each with the page it shows now. */
async function appWindows() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const id of shownPages.keys()) if (!windows.some((w) => w.id === id)) shownPages.delete(id);
  return windows.map((client) => ({
    client,
    url: shownPages.get(client.id) ?? client.url,
    focused: client.focused,
    visibilityState: client.visibilityState,
  }));
}
