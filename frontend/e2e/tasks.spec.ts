// "Working on": each person says what they are doing this session; everyone in the room sees it next to
// their name, live.
import type { Page } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { hostAndTeammate } from './support/room';

const taskOf = (page: Page, name: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByTestId('participant-name').filter({ hasText: name }) })
    .getByTestId('participant-task');

test('two people in a room see what each other is working on, live, and can clear it', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);

  await a.getByRole('textbox', { name: 'Working on' }).fill('Release notes for 2.4');
  await a.getByRole('textbox', { name: 'Working on' }).press('Enter');
  await expect(taskOf(b, 'Ana')).toHaveText('Working on: Release notes for 2.4');
  await expect(taskOf(a, 'Ana')).toHaveText('Working on: Release notes for 2.4');

  await b.getByRole('textbox', { name: 'Working on' }).fill('  Reviewing the onboarding flow 👩‍💻  ');
  await b.getByRole('button', { name: 'Save' }).click();
  await expect(taskOf(a, 'Ben')).toHaveText('Working on: Reviewing the onboarding flow 👩‍💻');
  await expect(b.getByRole('textbox', { name: 'Working on' })).toHaveValue(
    'Reviewing the onboarding flow 👩‍💻',
  );

  // A reload (a fresh snapshot) keeps both.
  await b.reload();
  await expect(taskOf(b, 'Ana')).toHaveText('Working on: Release notes for 2.4');
  await expect(b.getByRole('textbox', { name: 'Working on' })).toHaveValue(
    'Reviewing the onboarding flow 👩‍💻',
  );

  // Text that turns around is refused before it is sent; 80 characters is the most.
  await a.getByRole('textbox', { name: 'Working on' }).fill('invoice\u202Efdp.exe');
  await expect(a.getByRole('alert')).toContainText('Write something visible');
  await expect(a.getByRole('button', { name: 'Save' })).toBeDisabled();
  await a.getByRole('textbox', { name: 'Working on' }).fill('x'.repeat(81));
  await expect(a.getByRole('alert')).toHaveText('Use at most 80 characters.');

  // Emptied and saved, it is cleared; the × beside a saved task clears it too.
  await a.getByRole('textbox', { name: 'Working on' }).fill('');
  await a.getByRole('textbox', { name: 'Working on' }).press('Enter');
  await expect(taskOf(b, 'Ana')).toHaveCount(0);
  await expect(a.getByRole('textbox', { name: 'Working on' })).toHaveValue('');
  await expect(taskOf(b, 'Ben')).toHaveText('Working on: Reviewing the onboarding flow 👩‍💻');
  await b.getByRole('button', { name: 'Clear' }).click();
  await expect(taskOf(a, 'Ben')).toHaveCount(0);
  await expect(b.getByRole('textbox', { name: 'Working on' })).toHaveValue('');
});
