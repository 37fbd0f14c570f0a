// Accessibility: axe-core finds no serious or critical violation on any page or dialog, in the light and
// the dark theme; every room control is reached with Tab, in order, with a visible focus ring.
import type { Page } from '@playwright/test';

import { axeFindings, serious } from './support/axe';
import { expect, test } from './support/fixtures';
import { createRoom, joinRoom, sendChat, timerStatus } from './support/room';

const schemes = ['light', 'dark'] as const;

async function expectClean(page: Page, name: string): Promise<void> {
  expect(serious(await axeFindings(page, name)), name).toEqual([]);
}

async function inDialog(page: Page, open: string, dialog: string, name: string): Promise<void> {
  await page.getByRole('button', { name: open }).click();
  await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
  await expectClean(page, name);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const colorScheme of schemes) {
  test(`axe: home, room, its dialogs and the statistics, ${colorScheme}`, async ({ openPerson, backend }) => {
    test.setTimeout(120_000);
    const host = await openPerson({ colorScheme });
    await host.goto('/');
    await expect(host.getByRole('button', { name: 'Create room' })).toBeVisible();
    await expect(host.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await expectClean(host, `home ${colorScheme}`);

    const link = await createRoom(host, { work: 1 });
    const mate = await openPerson({ colorScheme });
    await mate.goto(link);
    await expect(mate.getByRole('button', { name: 'Join room' })).toBeVisible();
    await expectClean(mate, `join prompt ${colorScheme}`);
    await joinRoom(mate, link, 'Jun');
    await host.getByRole('textbox', { name: 'Working on' }).fill('Release notes');
    await host.getByRole('textbox', { name: 'Working on' }).press('Enter');
    await sendChat(mate, 'Morning! 좋은 아침');
    await host.getByRole('button', { name: 'Start Focus' }).click();
    await expect(timerStatus(host)).toHaveText('In progress');
    await expectClean(host, `room (host) ${colorScheme}`);
    await expectClean(mate, `room (member) ${colorScheme}`);

    await inDialog(host, 'Room settings', 'Room settings', `settings dialog ${colorScheme}`);
    await inDialog(
      host,
      'Sounds and notifications',
      'Sounds and notifications',
      `alerts dialog ${colorScheme}`,
    );
    await inDialog(
      mate,
      'Recent changes in this room',
      'Recent changes',
      `recent changes dialog ${colorScheme}`,
    );
    await host.getByRole('button', { name: 'Reset the timer' }).click();
    await expect(host.getByRole('alertdialog')).toBeVisible();
    await expectClean(host, `confirm dialog ${colorScheme}`);
    await host.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

    // A phase ends (the banner shows), then the statistics with a day's bar and a person's focus.
    await backend.advanceClock(61);
    await expect(host.getByRole('heading', { name: 'Short break' })).toBeVisible();
    await expectClean(host, `room after a phase end ${colorScheme}`);
    await host.getByRole('link', { name: 'Statistics and history of this room' }).click();
    await expect(host.getByTestId('day-chart').locator('.recharts-bar-rectangle')).toHaveCount(1);
    await expectClean(host, `statistics ${colorScheme}`);
  });
}

interface Focused {
  name: string;
  ring: boolean;
}

/** Tabs once; returns what has the focus (its role and name, as a screen reader tells it) and whether it shows a ring. */
async function tab(page: Page): Promise<Focused> {
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return { name: '(page)', ring: false };
  const name = (await focused.ariaSnapshot()).split('\n')[0]?.replace(/^- /, '').replace(/:$/, '') ?? '';
  const ring = await focused.evaluate((element) => {
    const style = getComputedStyle(element);
    return (
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    );
  });
  return { name, ring };
}

test('keyboard: every room control is reached with Tab, in reading order, each with a visible focus ring', async ({
  openPerson,
}) => {
  const page = await openPerson({ viewport: { width: 1280, height: 900 } });
  await createRoom(page, { host: 'Mina' });
  await page.locator('body').click({ position: { x: 2, y: 2 } });

  const reached: Focused[] = [];
  for (let i = 0; i < 40; i += 1) {
    const focused = await tab(page);
    // Past the last control the focus leaves the page (to the browser's own controls), then starts over.
    if (focused.name === '(page)' || reached.some((r) => r.name === focused.name)) break;
    reached.push(focused);
  }
  const names = reached.map((r) => r.name);
  console.log(`[keyboard] ${names.length} stops: ${names.join(' → ')}`);
  const expected = [
    'link "Skip to content"',
    'link "FocusMate home"',
    'button "Copy the room link"',
    'link "Statistics and history of this room"',
    'button "Room settings"',
    'button "Mute the phase-end sound"',
    'button "Sounds and notifications"',
    'button "Leave the room"',
    'radio "Focus',
    'button "Start Focus"',
    'textbox "Message',
    'combobox "My status"',
    'textbox "Working on"',
  ];
  const positions = expected.map((name) => names.findIndex((n) => n.startsWith(name)));
  expect(positions.filter((p) => p < 0).map((_, i) => expected[i])).toEqual([]);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(reached.filter((r) => !r.ring).map((r) => r.name)).toEqual([]);

  // A dialog opens from the keyboard, keeps the focus inside, and gives it back when it closes.
  const trigger = page.getByRole('button', { name: 'Sounds and notifications' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Sounds and notifications' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(trigger).toBeFocused();

  // Space starts the timer from anywhere outside a field (the shortcuts are on the page too).
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Space');
  await expect(timerStatus(page)).toHaveText('In progress');
});

test('reflow: home, room and statistics fit a 320 px wide screen without sideways scrolling', async ({
  openPerson,
}) => {
  const page = await openPerson({ viewport: { width: 320, height: 720 } });
  const width = async () => {
    const { scrollWidth, wide } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > 321)
        .map((el) => `${el.tagName}.${String(el.className)}`)
        .slice(0, 8),
    }));
    if (scrollWidth > 320) console.log('[reflow] too wide:', wide.join(', '));
    return scrollWidth;
  };
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(320);
  const link = await createRoom(page);
  await page
    .getByRole('textbox', { name: 'Working on' })
    .fill('A long description of the work at hand today');
  await page.getByRole('textbox', { name: 'Working on' }).press('Enter');
  expect(await width()).toBeLessThanOrEqual(320);
  await page.goto(`${link}/stats`);
  await expect(page.getByRole('figure', { name: 'Focus minutes per day' })).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(320);
});
