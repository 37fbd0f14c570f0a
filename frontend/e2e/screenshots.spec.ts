// `npm run screenshots`: home and room, light and dark, desktop and a 360 px phone, English and Korean,
// from the real app: a room with a running focus phase, statuses, chat, and the page of someone removed.
import type { Page } from '@playwright/test';
import path from 'node:path';

import { expect, test } from './support/fixtures';
import { createRoom, expectConnected, joinRoom, sendChat, uniqueRoomName } from './support/room';

// SCREENSHOTS_DIR puts them elsewhere (a review's pictures, not the docs').
const outDir =
  process.env.SCREENSHOTS_DIR ?? path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const viewports = {
  desktop: { width: 1280, height: 820 },
  phone: { width: 360, height: 780 },
} as const;
const schemes = ['light', 'dark'] as const;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true, animations: 'disabled' });

test('home and room pages', async ({ openPerson }) => {
  test.setTimeout(240_000);
  const host = await openPerson({ viewport: viewports.desktop });
  const link = await createRoom(host, { name: uniqueRoomName('design-review'), host: 'Mina' });
  const jun = await openPerson({ viewport: viewports.desktop, locale: 'ko-KR' });
  await joinRoom(jun, link, 'Jun');
  const sora = await openPerson();
  await joinRoom(sora, link, 'Sora');
  const hyun = await openPerson();
  await joinRoom(hyun, link, 'Hyun');
  const leo = await openPerson();
  await joinRoom(leo, link, 'Leo');

  await sendChat(jun, '좋은 아침! 릴리스 노트부터 정리할게요.');
  await sendChat(host, 'Great. 25 minutes of focus, then coffee ☕');
  await sendChat(sora, 'Back in 10, grabbing lunch 🍜\n<b>Tags</b> in a message show as text.');
  await sora.getByLabel('My status').selectOption('away');
  await hyun.close(); // offline: shown as offline, not counted in the statuses
  await host.getByRole('button', { name: 'Start Focus' }).click();
  await expect(host.getByTestId('timer-status')).toHaveText('In progress');
  await expect(host.getByTestId('status-summary')).toHaveText('3 focusing, 1 away · 1 offline');

  for (const scheme of schemes) {
    for (const [device, viewport] of Object.entries(viewports)) {
      const page = await openPerson({ viewport, colorScheme: scheme });
      await page.goto('/');
      await page.getByRole('button', { name: 'Create room' }).waitFor();
      await shot(page, `home-${scheme}-${device}`);

      for (const [person, language] of [
        [host, 'en'],
        [jun, 'ko'],
      ] as const) {
        await person.setViewportSize(viewport);
        await person.emulateMedia({ colorScheme: scheme });
        await expectConnected(person);
        await shot(person, `room-${language === 'en' ? '' : 'ko-'}${scheme}-${device}`);
      }
    }
  }

  // On a phone the chat starts folded; messages that arrive meanwhile are counted on its header.
  const phone = await openPerson({ viewport: viewports.phone });
  await phone.goto('/');
  await joinRoom(phone, link, 'Noa');
  await sendChat(sora, 'Who is up for a walk at the break?');
  await expect(phone.getByTestId('chat-unread')).toHaveText('1');
  await shot(phone, 'room-chat-folded-light-phone');

  // The page of someone the host removed.
  await host.getByRole('button', { name: 'Remove Leo from the room' }).click();
  await host.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await leo.setViewportSize(viewports.phone);
  await expect(leo.getByRole('heading', { name: 'The host removed you from this room' })).toBeVisible();
  await shot(leo, 'removed-light-phone');
});
