// The installable app: a manifest with drawn icons on every page, a service worker active after the first
// load that keeps the built files but never the API's or the hub's answers, and an offline page in the
// reader's language when the network is down.
import { randomUUID } from 'node:crypto';

import { expect, test } from './support/fixtures';
import { cachedUrls, pngSize, serviceWorkerReady } from './support/pwa';
import { createRoom, expectConnected } from './support/room';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

test('every page links the manifest: name, start, standalone, colours, icons of 192 and 512 (maskable too)', async ({
  openPerson,
}) => {
  const page = await openPerson();
  for (const path of ['/', `/room/${randomUUID()}`, `/room/${randomUUID()}/stats`, '/nowhere']) {
    await page.goto(path);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  }
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<
    string,
    unknown
  >;
  expect(manifest).toMatchObject({
    name: 'FocusMate',
    short_name: 'FocusMate',
    start_url: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
  });
  const icons = manifest.icons as ManifestIcon[];
  for (const [size, purpose] of [
    [192, 'any'],
    [512, 'any'],
    [192, 'maskable'],
    [512, 'maskable'],
  ] as const) {
    const icon = icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
    expect(icon, `${size} ${purpose}`).toBeDefined();
    const response = await page.request.get(icon?.src ?? '');
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize(await response.body())).toEqual({ width: size, height: size });
  }
});

test('the service worker is active after the first load and the app works as before, nothing live kept', async ({
  openPerson,
}) => {
  const page = await openPerson();
  await page.goto('/');
  expect(await serviceWorkerReady(page)).toBe('activated');

  // The room works through it: join, hub, chat.
  const link = await createRoom(page);
  await page.reload();
  await expectConnected(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  const kept = await cachedUrls(page);
  expect(kept.some((url) => url.endsWith('/offline.html'))).toBe(true);
  expect(kept.some((url) => /\/assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
  expect(kept.filter((url) => /\/(api|hubs|health)\b/.test(url))).toEqual([]);
  expect(kept.filter((url) => url === link)).toEqual([]);
});

for (const [locale, heading, retry] of [
  ['en-US', 'FocusMate is offline', 'Try again'],
  ['ko-KR', 'FocusMate가 오프라인입니다', '다시 시도'],
] as const) {
  test(`with the network down a page opens the offline page, in the reader's language (${locale})`, async ({
    openPerson,
  }) => {
    const page = await openPerson({ locale });
    await page.goto('/');
    await serviceWorkerReady(page);

    await page.context().setOffline(true);
    await page.goto(`/room/${randomUUID()}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('button', { name: retry })).toBeVisible();

    // Back online, the page opens the app again by itself.
    await page.context().setOffline(false);
    await expect(page.getByRole('heading', { name: /Room not found|방을 찾을 수 없습니다/ })).toBeVisible({
      timeout: 10_000,
    });
  });
}

test('the offline page follows the language chosen in the app over the browser’s', async ({ openPerson }) => {
  const page = await openPerson({ locale: 'en-US' });
  await page.goto('/');
  await page.getByRole('button', { name: '한국어로 보기' }).click();
  await serviceWorkerReady(page);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('FocusMate가 오프라인입니다');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.context().setOffline(false);
});
