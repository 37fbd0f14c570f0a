// Choosing what to start: from idle or a completed phase the host starts focus, a short or a long break,
// not only the phase that is next; everyone sees it.
import { expect, test } from './support/fixtures';
import { hostAndTeammate, timerStatus } from './support/room';

test('the host starts a long break from idle and, after it, focus instead of the next break', async ({
  openPerson,
  backend,
}) => {
  const { a, b } = await hostAndTeammate(openPerson, { work: 1 });
  const picker = a.getByRole('group', { name: 'Phase to start' });
  await expect(picker.getByRole('radio', { name: 'Focus (next)' })).toBeChecked();
  // The teammate sees the choice too, disabled with the reason.
  await expect(b.getByRole('radio', { name: 'Short break' })).toBeDisabled();

  await picker.getByRole('radio', { name: 'Long break' }).check();
  await a.getByRole('button', { name: 'Start Long break' }).click();
  await expect(b.getByRole('heading', { name: 'Long break' })).toBeVisible();
  await expect(timerStatus(b)).toHaveText('In progress');
  await expect(a.getByRole('group', { name: 'Phase to start' })).toHaveCount(0);

  // The long break ends; focus is next (work does not start by itself), but the host picks a short break.
  await backend.advanceClock(15 * 60 + 1);
  await expect(timerStatus(a)).toHaveText('Up next');
  await expect(a.getByRole('radio', { name: 'Focus (next)' })).toBeChecked();
  await a.getByRole('radio', { name: 'Short break' }).check();
  await a.getByRole('button', { name: 'Start Short break' }).click();
  await expect(b.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect(timerStatus(b)).toHaveText('In progress');
});

test('with everyone allowed to control the timer, a teammate chooses too (keyboard only)', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson, { allowAllControl: true });
  await b.getByRole('radio', { name: 'Focus (next)' }).focus();
  await b.keyboard.press('ArrowRight');
  await expect(b.getByRole('radio', { name: 'Short break' })).toBeChecked();
  await b.keyboard.press('Tab');
  await b.keyboard.press('Tab');
  await expect(b.getByRole('button', { name: 'Start Short break' })).toBeFocused();
  await b.keyboard.press('Enter');
  await expect(a.getByRole('heading', { name: 'Short break' })).toBeVisible();
});
