// `npm run screenshots`: home, room and statistics, light and dark, desktop and a 360 px phone, English and
// Korean, from the real app: a room with a running focus phase, statuses, what people work on, chat, the
// page of someone removed, and a week of statistics.
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

async function setTask(page: Page, task: string): Promise<void> {
  const field = page.getByRole('textbox', { name: /^(Working on|하는 일)$/ });
  await field.fill(task);
  await field.press('Enter');
  await expect(page.getByTestId('participant-task').filter({ hasText: task })).toBeVisible();
}

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

  await setTask(host, 'Release notes for 2.4');
  await setTask(jun, '온보딩 흐름 검토');
  await setTask(sora, 'Customer interviews: notes');
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

/** One focus phase of `minutes` (25 runs to its end, fewer is cut short), then past its break. */
async function focusFor(page: Page, minutes: number, advance: (seconds: number) => Promise<void>) {
  const status = page.getByTestId('timer-status');
  const skip = page.getByRole('button', { name: 'Skip to the next phase' });
  await page.getByRole('radio', { name: /^Focus/ }).check();
  await page.getByRole('button', { name: 'Start Focus' }).click();
  await expect(status).toHaveText('In progress');
  if (minutes < 25) {
    await advance(minutes * 60);
    await skip.click();
  } else {
    await advance(25 * 60 + 1);
  }
  await expect(page.getByRole('heading', { name: /break/ })).toBeVisible();
  await expect(status).toHaveText(/In progress|Up next/);
  if ((await status.textContent()) === 'In progress') await skip.click();
  await expect(status).toHaveText('Up next');
}

test('statistics page', async ({ openPerson, backend }) => {
  test.setTimeout(240_000);
  let advanced = 0;
  const advance = async (seconds: number) => {
    advanced += seconds;
    await backend.advanceClock(seconds);
  };
  const mina = await openPerson({ viewport: viewports.desktop });
  const link = await createRoom(mina, { name: uniqueRoomName('design-review'), host: 'Mina' });
  const jun = await openPerson({ locale: 'ko-KR' });
  await joinRoom(jun, link, 'Jun');
  const sora = await openPerson();
  await joinRoom(sora, link, 'Sora');
  await sora.getByLabel('My status').selectOption('away');

  // Four days of this week: focus phases run to the end (25 min), one is cut short, then the next day.
  const days = [[25, 25], [25, 12, 25], [25], [25, 25, 25, 18]];
  for (const [day, sessions] of days.entries()) {
    for (const minutes of sessions) await focusFor(mina, minutes, advance);
    if (day < days.length - 1) {
      await advance(24 * 3600 - sessions.reduce((sum, m) => sum + m * 60, 0));
      for (const page of [mina, jun, sora]) await expectConnected(page, 30_000);
    }
  }

  for (const scheme of schemes) {
    for (const [device, viewport] of Object.entries(viewports)) {
      for (const locale of ['en-US', 'ko-KR']) {
        const page = await openPerson({ viewport, colorScheme: scheme, locale });
        // The page counts days on the browser's clock: put it where the server's is.
        await page.clock.setFixedTime(Date.now() + advanced * 1000);
        await page.goto(`${link}/stats`);
        await expect(page.getByTestId('day-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
        await shot(page, `stats-${locale === 'en-US' ? '' : 'ko-'}${scheme}-${device}`);
      }
    }
  }
});
