// A push service on loopback, standing in for FCM or Mozilla's: browsers' subscriptions point at it, the
// API posts the encrypted phase ends to it (allowed by Push__AllowedEndpoints), and the test decrypts them
// with the browser's keys (RFC 8291, aes128gcm) as the browser would.
import { createDecipheriv, createECDH, hkdfSync, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { freePort } from './backend';

export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Date.now() when it arrived. */
  at: number;
}

/** What a browser's subscription holds: where to post, and the keys to encrypt for. */
export interface FakeBrowser {
  endpoint: string;
  p256dh: string;
  auth: string;
  ecdh: ECDH;
  authSecret: Buffer;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

export class LocalPushService {
  readonly received: ReceivedPush[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<LocalPushService> {
    const port = await freePort();
    const server = createServer();
    const service = new LocalPushService(server, `http://127.0.0.1:${port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const push = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
        service.received.push({ ...push, at: Date.now() });
        response.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return service;
  }

  /** A new browser: its endpoint on this service and a fresh P-256 key pair and auth secret. */
  newBrowser(): FakeBrowser {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const authSecret = randomBytes(16);
    return {
      endpoint: `${this.origin}/push/${randomUUID()}`,
      p256dh: b64url(ecdh.getPublicKey()),
      auth: b64url(authSecret),
      ecdh,
      authSecret,
    };
  }

  pushesTo(browser: FakeBrowser): ReceivedPush[] {
    return this.received.filter((push) => `${this.origin}${push.path}` === browser.endpoint);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** The plaintext of an aes128gcm push (one record), decrypted with the browser's keys. */
export function decryptPush(body: Buffer, browser: FakeBrowser): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20] ?? 0;
  const serverKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = browser.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverKey]);
  const ikm = hkdf(browser.authSecret, shared, keyInfo, 32);
  const key = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The record ends with the delimiter 0x02 and any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  return padded.subarray(0, end).toString('utf8');
}

/**
 * Makes the page's Push API hand out `browser`'s subscription instead of asking the browser's real push
 * service (Chromium's is Google's, out of reach here). Everything else — the service worker, the
 * permission, the app's requests — is the real thing.
 */
export function fakePushManager(browser: Pick<FakeBrowser, 'endpoint' | 'p256dh' | 'auth'>): void {
  // Kept for the tab's life, across reloads, as the browser keeps a real subscription.
  const kept = 'e2e.fake-push-subscription';
  const make = (key: number[] | null) => ({
    endpoint: browser.endpoint,
    expirationTime: null,
    options: { applicationServerKey: key ? new Uint8Array(key).buffer : null, userVisibleOnly: true },
    getKey: () => null,
    toJSON: () => ({
      endpoint: browser.endpoint,
      expirationTime: null,
      keys: { p256dh: browser.p256dh, auth: browser.auth },
    }),
    unsubscribe: () => {
      sessionStorage.removeItem(kept);
      return Promise.resolve(true);
    },
  });
  const current = () => {
    const key = sessionStorage.getItem(kept);
    if (key === null) return null;
    const bytes: unknown = JSON.parse(key);
    return make(Array.isArray(bytes) ? bytes.map(Number) : null);
  };
  const subscribe = (options?: PushSubscriptionOptionsInit) => {
    const key: unknown = options?.applicationServerKey;
    sessionStorage.setItem(kept, JSON.stringify(key instanceof Uint8Array ? [...key] : null));
    return Promise.resolve(current());
  };
  PushManager.prototype.subscribe = subscribe as PushManager['subscribe'];
  PushManager.prototype.getSubscription = () => Promise.resolve(current());
}
