// What a person does in the app, in the words of the UI.
import { expect, type Page } from '@playwright/test';

let counter = 0;

/** A room name no other test uses. */
export function uniqueRoomName(prefix = 'e2e'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

export interface CreateOptions {
  name?: string;
  host?: string;
  work?: number;
  allowAllControl?: boolean;
  maxParticipants?: number;
}

/** Creates a room from the home page and returns its link. */
export async function createRoom(page: Page, options: CreateOptions = {}): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Room name').fill(options.name ?? uniqueRoomName());
  await page.getByLabel('Your name').fill(options.host ?? 'Ana');
  if (options.work !== undefined) await page.getByLabel('Focus', { exact: true }).fill(String(options.work));
  if (options.maxParticipants !== undefined) {
    await page.getByLabel('Max participants').fill(String(options.maxParticipants));
  }
  if (options.allowAllControl)
    await page.getByRole('switch', { name: 'Everyone may control the timer' }).click();
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page).toHaveURL(/\/room\/[0-9a-f-]{36}$/);
  await expectConnected(page);
  return page.url();
}

/** Opens a room link as a newcomer and joins under a name. */
export async function joinRoom(page: Page, link: string, name = 'Ben'): Promise<void> {
  await page.goto(link);
  await page.getByLabel(/What should your teammates call you|팀원들에게 보일 이름/).fill(name);
  await page.getByRole('button', { name: /Join room|방 참여/ }).click();
  await expectConnected(page);
}

export async function expectConnected(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.locator('.connection')).toHaveClass(/connection--connected/, { timeout });
}

export const countdown = (page: Page) => page.getByRole('timer');
export const timerStatus = (page: Page) => page.getByTestId('timer-status');

export async function shownSeconds(page: Page): Promise<number> {
  return Number(await countdown(page).getAttribute('data-seconds'));
}

/**
 * Both pages show the same second: right after A's display flips to a new second, B shows that same
 * second too (within 150 ms), and the other way round. A page whose clock estimate were off by a second or more would fail.
 */
export async function expectSameSecond(a: Page, b: Page, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    // Alternate which page leads, so neither may run early or late unnoticed.
    const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
    const before = await shownSeconds(first);
    await first.waitForFunction(
      (previous) =>
        document.querySelector('[role="timer"]')?.getAttribute('data-seconds') !== String(previous),
      before,
      { timeout: 3000, polling: 'raf' },
    );
    const flipped = await shownSeconds(first);
    await expect(countdown(second)).toHaveAttribute('data-seconds', String(flipped), { timeout: 150 });
  }
}
