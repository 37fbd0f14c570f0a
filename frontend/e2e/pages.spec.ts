import { randomUUID } from 'node:crypto';

import { expect, test } from './support/fixtures';
import { createRoom, hostAndTeammate, joinRoom, participantList } from './support/room';

test('a link to a room that does not exist says so', async ({ openPerson }) => {
  const page = await openPerson();
  await page.goto(`/room/${randomUUID()}`);
  await expect(page.getByRole('heading', { name: 'Room not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();
});

test('an unknown path gets its own page', async ({ openPerson }) => {
  const page = await openPerson();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('everyone inside sees that the host deleted the room', async ({ openPerson }) => {
  const { a, b } = await hostAndTeammate(openPerson);

  await a.getByRole('button', { name: 'Room settings' }).click();
  await a.getByRole('button', { name: 'Delete room' }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Delete room' }).click();

  await expect(b.getByRole('heading', { name: 'This room was deleted' })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'This room was deleted' })).toBeVisible();
  // A reload finds nothing any more.
  await b.reload();
  await expect(b.getByRole('heading', { name: 'Room not found' })).toBeVisible();
});

test('joining a full room shows the room-full page', async ({ openPerson }) => {
  const a = await openPerson();
  const link = await createRoom(a, { maxParticipants: 2 });
  await joinRoom(await openPerson(), link, 'Ben');

  const late = await openPerson();
  await late.goto(link);
  await late.getByLabel('What should your teammates call you?').fill('Cleo');
  await late.getByRole('button', { name: 'Join room' }).click();
  await expect(late.getByRole('heading', { name: 'This room is full' })).toBeVisible();
});

test('the server being unreachable gets a clear page that recovers by itself', async ({
  openPerson,
  backend,
}) => {
  const a = await openPerson();
  const link = await createRoom(a);
  const page = await openPerson();
  await page.goto('/');
  await backend.kill();

  // The app is loaded, the API is gone: open the room from the home page.
  await page.getByLabel('Room link or ID').fill(link);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'FocusMate is not reachable' })).toBeVisible();
  await expect(a.getByTestId('connection')).toHaveClass(/connection--(reconnecting|offline)/);

  await backend.restart();
  await expect(page.getByLabel('What should your teammates call you?')).toBeVisible({ timeout: 30_000 });
  await expect(a.getByTestId('connection')).toHaveClass(/connection--connected/, { timeout: 30_000 });
});

test('a reload keeps the same participant, and leaving takes you off the list', async ({ openPerson }) => {
  const a = await openPerson();
  const b = await openPerson();
  const link = await createRoom(a);
  await joinRoom(b, link, 'Ben');
  await b.reload();
  await expect(b.getByRole('timer')).toBeVisible();
  await expect(participantList(a).getByRole('listitem')).toHaveCount(2);

  await b.getByRole('button', { name: 'Leave the room' }).click();
  await b.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
  await expect(b.getByRole('button', { name: 'Create room' })).toBeVisible();
  await expect(participantList(a).getByRole('listitem')).toHaveCount(1);
});

test('the create form mirrors the server rules and shows its refusals beside the fields', async ({
  openPerson,
}) => {
  const a = await openPerson();
  const name = `taken-${Date.now().toString(36)}`;
  await createRoom(a, { name });

  const page = await openPerson();
  await page.goto('/');
  await page.getByLabel('Room name').fill('no spaces!');
  await page.getByLabel('Focus', { exact: true }).fill('61');
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByText('Only letters, digits, _ and - are allowed.')).toBeVisible();
  await expect(page.getByText('A whole number from 1 to 60.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveAccessibleDescription('Required.');

  await page.getByLabel('Room name').fill(name.toUpperCase());
  await page.getByLabel('Your name').fill('Dana');
  await page.getByLabel('Focus', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Create room' }).click();
  await expect(page.getByLabel('Room name')).toHaveAccessibleDescription(
    'A room with this name already exists.',
  );
});

test('the home page does not download the room page code', async ({ openPerson }) => {
  const page = await openPerson();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Create room' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const source = await (await page.request.get(url)).text();
    expect(source, url).not.toContain('/hubs/room');
  }
});

test('the app speaks Korean to a Korean browser and can switch to English', async ({ openPerson }) => {
  const page = await openPerson({ locale: 'ko-KR' });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '방 만들기' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByRole('button', { name: 'View in English' }).click();
  await expect(page.getByRole('heading', { name: 'Create a room' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Create a room' })).toBeVisible();
});

test('the theme follows the system and can be switched', async ({ openPerson }) => {
  const page = await openPerson({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /^Theme: System theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /^Theme: Light theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
