import { expect, test } from './support/fixtures';
import {
  countdown,
  createRoom,
  expectConnected,
  expectSameSecond,
  hostAndTeammate,
  joinRoom,
  participantRow,
  timerStatus,
} from './support/room';

test('(a) a teammate who joins by the share link sees the host start the timer within a second, on the same second', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await expect(participantRow(b, 'Ana')).toContainText('Host');

  await a.getByRole('button', { name: 'Start Focus' }).click();
  const clickedAt = Date.now();
  await expect(timerStatus(b)).toHaveText('In progress', { timeout: 1000 });
  expect(Date.now() - clickedAt).toBeLessThan(1000);

  await expectSameSecond(a, b);
  expect(await countdown(b).getAttribute('data-seconds')).toMatch(/^(149\d|1500)$/);
});

test('(b) a browser whose clock is minutes wrong still shows the same second as the host', async ({
  openPerson,
}) => {
  const a = await openPerson();
  const b = await openPerson();
  // B's clock runs seven and a half minutes slow; the server-clock offset must hide that.
  await b.clock.install({ time: Date.now() - 450_000 });
  const link = await createRoom(a);
  await joinRoom(b, link);

  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress', { timeout: 1000 });
  await expectSameSecond(a, b, 4);
});

test('(c) pause, resume, reset (after its confirmation) and skip reach every browser', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);

  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');

  // The space bar pauses (a shortcut), and both pages freeze on the same second.
  await a.locator('body').press('Space');
  await expect(timerStatus(b)).toHaveText('Paused');
  await expect(timerStatus(a)).toHaveText('Paused');
  await expect(countdown(b)).toHaveAttribute(
    'data-seconds',
    (await countdown(a).getAttribute('data-seconds')) ?? '',
  );

  await a.getByRole('button', { name: 'Resume' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
  await expectSameSecond(a, b, 2);

  // Reset asks first; cancelling changes nothing.
  await a.getByRole('button', { name: 'Reset the timer' }).click();
  const confirm = a.getByRole('alertdialog', { name: 'Reset the timer?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(timerStatus(b)).toHaveText('In progress');

  // The R shortcut opens the same confirmation.
  await a.locator('body').press('r');
  await a.getByRole('alertdialog').getByRole('button', { name: 'Reset' }).click();
  await expect(timerStatus(b)).toHaveText('Ready to focus');
  await expect(countdown(b)).toHaveText('25:00');

  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
  await a.getByRole('button', { name: 'Skip to the next phase' }).click();
  await expect(b.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect(countdown(b)).toHaveAttribute('data-seconds', /^(29\d|300)$/);

  // S skips too: from the break back to focus, one session done in the cycle.
  await a.locator('body').press('s');
  await expect(b.getByRole('heading', { name: 'Focus' })).toBeVisible();
  await expect(b.getByRole('img', { name: '1 of 4 focus sessions done in this cycle' })).toBeVisible();
});

test('(d) a participant who is not the host sees the controls disabled, with the reason', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);

  const reason = 'Only the host can control the timer in this room.';
  for (const name of ['Start Focus', 'Reset the timer', 'Skip to the next phase']) {
    const button = b.getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
  }
  await expect(b.getByText(reason)).toBeVisible();
  await expect(a.getByRole('button', { name: 'Start Focus' })).toBeEnabled();

  // Shortcuts do nothing for B either.
  await b.locator('body').press('Space');
  await expect(b.getByRole('alert')).toHaveCount(0);
  await expect(timerStatus(a)).toHaveText('Ready to focus');
});

test('(e) after the server restarts mid-phase both pages reconnect by themselves and keep the right time', async ({
  openPerson,
  backend,
}) => {
  test.setTimeout(150_000); // a cold start of the API on a busy machine can take a while
  const { a, b } = await hostAndTeammate(openPerson);
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
  const before = Number(await countdown(a).getAttribute('data-seconds'));

  await backend.kill();
  await expect(b.getByTestId('connection')).not.toHaveClass(/connection--connected/);
  // While the server is away the countdown keeps running from the last state.
  await expect(countdown(b)).not.toHaveAttribute('data-seconds', String(before), { timeout: 3000 });

  await backend.restart();
  await expectConnected(a, 30_000);
  await expectConnected(b, 30_000);
  await expectSameSecond(a, b);
  const after = Number(await countdown(a).getAttribute('data-seconds'));
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(before - 60);

  // Both are back in the room's broadcasts: a pause reaches B.
  await a.getByRole('button', { name: 'Pause' }).click();
  await expect(timerStatus(b)).toHaveText('Paused');
});

test('(f) a phase end shows the banner, raises a notification and puts the countdown in the tab title', async ({
  openPerson,
  backend,
}) => {
  const a = await openPerson();
  const b = await openPerson({ locale: 'ko-KR' });
  await a.context().grantPermissions(['notifications']);
  // Record notifications instead of showing them.
  await a.addInitScript(() => {
    const shown: { title: string; body?: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
  });
  const link = await createRoom(a, { work: 1 });
  await joinRoom(b, link, '민지');
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('진행 중');
  await expect(a).toHaveTitle(/^00:(59|60) · Focus — FocusMate$/);

  // The server's test clock jumps to the end of the one-minute phase.
  await backend.advanceClock(61);

  await expect(
    a.getByRole('status').filter({ hasText: '🎉 Focus session complete! Time for a break.' }),
  ).toBeVisible();
  await expect(
    b.getByRole('status').filter({ hasText: '🎉 집중 시간 완료! 휴식 시간입니다.' }),
  ).toBeVisible();
  await expect
    .poll(() => a.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications))
    .toEqual([{ title: 'FocusMate', body: '🎉 Focus session complete! Time for a break.' }]);

  // The break started by itself (auto_start_break); both pages count it down together.
  await expect(a.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect(a).toHaveTitle(/ · Short break — FocusMate$/);
  await expect(b).toHaveTitle(/ · 짧은 휴식 — FocusMate$/);
  await expectSameSecond(a, b);

  // The break's end has the other message.
  await backend.advanceClock(301);
  await expect(
    a.getByRole('status').filter({ hasText: '⏰ Break is over! Start the next session.' }),
  ).toBeVisible();
  await expect(
    b.getByRole('status').filter({ hasText: '⏰ 휴식 종료! 다음 세션을 시작하세요.' }),
  ).toBeVisible();
  await expect(timerStatus(a)).toHaveText('Up next');
});
