import { expect, test } from './support/fixtures';
import { createRoom, hostAndTeammate, timerStatus } from './support/room';

test('the host lets everyone control the timer, and a teammate can then start it', async ({ openPerson }) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await expect(b.getByRole('button', { name: 'Start Focus' })).toBeDisabled();
  await expect(b.getByRole('button', { name: 'Room settings' })).toHaveCount(0);

  await a.getByRole('button', { name: 'Room settings' }).click();
  const dialog = a.getByRole('dialog', { name: 'Room settings' });
  await dialog.getByRole('switch', { name: 'Everyone may control the timer' }).click();
  await dialog.getByLabel('Focus', { exact: true }).fill('50');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();

  // room_updated reaches B: the idle timer shows the new length, and B may now start it.
  await expect(b.getByRole('timer')).toHaveText('50:00');
  await b.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a)).toHaveText('In progress');
});

test('the settings dialog refuses values out of range beside the field', async ({ openPerson }) => {
  const a = await openPerson();
  await createRoom(a);
  await a.getByRole('button', { name: 'Room settings' }).click();
  const dialog = a.getByRole('dialog', { name: 'Room settings' });
  await dialog.getByLabel('Short break').fill('31');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByLabel('Short break')).toHaveAccessibleDescription('A whole number from 1 to 30.');
  await expect(dialog).toBeVisible();
});

test('copy link puts this room’s address on the clipboard', async ({ openPerson }) => {
  const a = await openPerson();
  await a.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await createRoom(a);
  await a.getByRole('button', { name: 'Copy the room link' }).click();
  await expect(a.getByRole('button', { name: 'Copy the room link' })).toContainText('Link copied');
  expect(await a.evaluate(() => navigator.clipboard.readText())).toBe(link);
});
