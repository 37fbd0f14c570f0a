// What a person does in the app, in the words of the UI.
import { expect, type BrowserContextOptions, type Page } from '@playwright/test';

import { flipDifferences, flipTimes, realNow, waitForFlips } from './flips';

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

export type OpenPerson = (options?: BrowserContextOptions) => Promise<Page>;

/** A host (A) who created a room from the home page, and a teammate (B) who joined by its link. */
export async function hostAndTeammate(openPerson: OpenPerson, room: CreateOptions = {}) {
  const a = await openPerson();
  const b = await openPerson();
  const link = await createRoom(a, room);
  await joinRoom(b, link);
  return { a, b, link };
}

export async function expectConnected(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId('connection')).toHaveClass(/connection--connected/, { timeout });
}

export const countdown = (page: Page) => page.getByRole('timer');
export const timerStatus = (page: Page) => page.getByTestId('timer-status');

export async function shownSeconds(page: Page): Promise<number> {
  return Number(await countdown(page).getAttribute('data-seconds'));
}

/**
 * Both pages show the same second: over the next few seconds, each second appears on both within
 * 100 ms (median) of each other, on the machine's real clock. A page whose server-clock estimate were
 * off by a second or more would show each second about that much earlier or later. The median keeps
 * one stall of a busy machine from failing the check.
 */
export async function expectSameSecond(a: Page, b: Page, seconds = 3): Promise<void> {
  const since = Math.max(await realNow(a), await realNow(b));
  await Promise.all([waitForFlips(a, seconds, since), waitForFlips(b, seconds, since)]);
  const diffs = flipDifferences(await flipTimes(a, since), await flipTimes(b, since)).sort((x, y) => x - y);
  if (process.env.SHOW_FLIPS) console.log('flip differences', diffs.map((d) => d.toFixed(1)).join(' '));
  expect(diffs.length, 'seconds shown on both pages').toBeGreaterThanOrEqual(seconds - 1);
  expect(diffs[Math.floor(diffs.length / 2)], `flip differences ${diffs.join(', ')} ms`).toBeLessThan(100);
}

/** The participant list (not the chat's list of messages). */
export const participantList = (page: Page) => page.getByRole('list', { name: /^(In this room|참여자)$/ });

export const participantRow = (page: Page, name: string) =>
  participantList(page)
    .getByRole('listitem')
    .filter({
      has: page.getByTestId('participant-name').filter({ hasText: new RegExp(`^${name}( \\(|$)`) }),
    });

export const chatLog = (page: Page) => page.getByRole('log');
export const chatBox = (page: Page) => page.getByRole('textbox', { name: /^(Message|메시지)$/ });

/** Types a message into the chat and sends it with Enter. */
export async function sendChat(page: Page, text: string): Promise<void> {
  await chatBox(page).fill(text);
  await chatBox(page).press('Enter');
  await expect(chatBox(page)).toHaveValue('');
}
