// The browser's side of Web Push: whether it can, the permission to show notifications, and its push
// subscription (one per service worker, shared by every room this browser subscribed).

/** Why pushes cannot be had here. */
export type PushUnavailable = 'unsupported' | 'denied';

/** Service workers, the Push API and notifications: all three, in a secure context. */
export function pushSupported(scope: typeof globalThis = globalThis): boolean {
  return (
    scope.isSecureContext &&
    'serviceWorker' in scope.navigator &&
    'PushManager' in scope &&
    'Notification' in scope
  );
}

/** What stands in the way before asking, if anything. */
export function pushUnavailable(): PushUnavailable | undefined {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return undefined;
}

/** Bytes of a base64url string (the VAPID key). */
export function base64UrlBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The service worker's registration; none when it does not come within the wait (development, a blocked worker). */
async function registration(waitMs = 10_000): Promise<ServiceWorkerRegistration | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), waitMs));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** This browser's push subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  return (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription() ?? null;
}

/** Raised when the browser has no service worker to receive pushes with. */
export class NoServiceWorkerError extends Error {}

/** Sameness of two keys, as bytes. */
const sameKey = (a: ArrayBuffer | null | undefined, b: Uint8Array) =>
  !!a && a.byteLength === b.byteLength && new Uint8Array(a).every((byte, i) => byte === b[i]);

/**
 * The browser's subscription for the server's key: the current one when it was made with this key, else a
 * new one (a subscription made with another key is dropped first; the browser allows one).
 */
export async function subscribeBrowser(publicKey: string): Promise<PushSubscription> {
  const worker = await registration();
  if (!worker) throw new NoServiceWorkerError('No service worker.');
  const key = base64UrlBytes(publicKey);
  const existing = await worker.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, key)) return existing;
  await existing?.unsubscribe();
  return worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}
