// Chat, statuses, removing people, host hand-over and room expiry, between real browsers and the real API.
import { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import {
  chatBox,
  chatLog,
  createRoom,
  expectConnected,
  hostAndTeammate,
  participantList,
  participantRow,
  sendChat,
  timerStatus,
} from './support/room';

declare global {
  interface Window {
    injected?: number;
  }
}

test('a chat message sent in one page appears in the other, and markup in it shows as text', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await sendChat(a, 'Morning! Coffee first ☕');
  await expect(chatLog(b).getByText('Morning! Coffee first ☕')).toBeVisible();
  await expect(chatLog(b).getByRole('listitem').last()).toContainText('Ana');

  const markup = '<b>bold</b> <img src=x onerror="window.injected=1"> <script>window.injected=2</script>';
  await sendChat(b, markup);
  for (const page of [a, b]) {
    await expect(chatLog(page).getByText(markup, { exact: true })).toBeVisible();
    await expect(chatLog(page).locator('b, img, script')).toHaveCount(0);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
  }

  // Shift+Enter starts a new line; Enter sends both lines as one message.
  await chatBox(a).fill('line one');
  await chatBox(a).press('Shift+Enter');
  await chatBox(a).pressSequentially('line two');
  await chatBox(a).press('Enter');
  await expect(chatLog(b).getByTestId('message-text').last()).toHaveText('line one\nline two');
});

test('typing space, r and s in the chat does not control the timer', async ({ openPerson }) => {
  const { a } = await hostAndTeammate(openPerson);
  await chatBox(a).pressSequentially('s r s ');
  await expect(chatBox(a)).toHaveValue('s r s ');
  await expect(a.getByRole('alertdialog')).toHaveCount(0);
  await expect(timerStatus(a)).toHaveText('Ready to focus');
  // Outside the box the same keys still work.
  await chatBox(a).blur();
  await a.keyboard.press('Space');
  await expect(timerStatus(a)).toHaveText('In progress');
});

test('a folded chat counts unread messages, and the phase stays in sight beside it', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await b.getByRole('button', { name: 'Chat', exact: true }).click();
  await expect(chatBox(b)).toBeHidden();

  await sendChat(a, 'one');
  await sendChat(a, 'two');
  await expect(b.getByTestId('chat-unread')).toHaveText('2');
  await expect(b.getByRole('button', { name: 'Chat, 2 unread' })).toHaveAttribute('aria-expanded', 'false');

  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(b.getByTestId('phase-chip')).toHaveText('Focus · In progress');

  await b.getByRole('button', { name: 'Chat, 2 unread' }).click();
  await expect(chatLog(b).getByText('two')).toBeVisible();
  await expect(b.getByTestId('chat-unread')).toHaveCount(0);
});

test('a status set in one page shows in the other; the rest follow the phase and offline is not counted', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  // Idle: everyone following the room is on a break.
  await expect(a.getByTestId('status-summary')).toHaveText('2 on a break');

  await b.getByLabel('My status').selectOption('away');
  await expect(participantRow(a, 'Ben')).toContainText('Away');
  await expect(a.getByTestId('status-summary')).toHaveText('1 on a break, 1 away');

  // The server sends nothing for room-following statuses when the phase changes: the pages derive them.
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(participantRow(b, 'Ana')).toContainText('Focusing');
  await expect(a.getByTestId('status-summary')).toHaveText('1 focusing, 1 away');

  await b.getByLabel('My status').selectOption('room');
  await expect(participantRow(a, 'Ben')).toContainText('Focusing');
  await expect(a.getByTestId('status-summary')).toHaveText('2 focusing');

  await b.close();
  await expect(participantRow(a, 'Ben')).toContainText('Offline');
  await expect(participantRow(a, 'Ben')).not.toContainText('Focusing');
  await expect(a.getByTestId('status-summary')).toHaveText('1 focusing · 1 offline');
});

test('the host removes a teammate, who sees the removed page and can join again as someone new', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  // Only the host has the controls, and not on their own row.
  await expect(b.getByRole('button', { name: /^Remove .* from the room$/ })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Remove Ana from the room' })).toHaveCount(0);

  await a.getByRole('button', { name: 'Remove Ben from the room' }).click();
  const confirm = a.getByRole('alertdialog', { name: 'Remove Ben?' });
  await confirm.getByRole('button', { name: 'Remove' }).click();

  await expect(b.getByRole('heading', { name: 'The host removed you from this room' })).toBeVisible();
  await expect(participantList(a).getByRole('listitem')).toHaveCount(1);

  // Nothing brings the old participant back: a reload asks for a name.
  await b.reload();
  await b.getByLabel('What should your teammates call you?').fill('Ben again');
  await b.getByRole('button', { name: 'Join room' }).click();
  await expectConnected(b);
  await expect(participantRow(a, 'Ben again')).toBeVisible();
});

test('the removed page offers to join again without a reload', async ({ openPerson }) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await a.getByRole('button', { name: 'Remove Ben from the room' }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await b.getByRole('button', { name: 'Join again' }).click();
  await b.getByLabel('What should your teammates call you?').fill('Benji');
  await b.getByRole('button', { name: 'Join room' }).click();
  await expectConnected(b);
  await expect(participantRow(a, 'Benji')).toBeVisible();
  await expect(participantRow(b, 'Benji')).toContainText('(you)');
});

test('when the host leaves, the teammate becomes host and gains the controls without a reload', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await expect(b.getByRole('button', { name: 'Start Focus' })).toBeDisabled();
  await expect(b.getByRole('button', { name: 'Room settings' })).toHaveCount(0);

  await a.getByRole('button', { name: 'Leave the room' }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();

  await expect(participantRow(b, 'Ben')).toContainText('Host');
  await expect(b.getByRole('button', { name: 'Start Focus' })).toBeEnabled();
  await expect(b.getByRole('button', { name: 'Room settings' })).toBeVisible();
  await b.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
});

test('the host hands the role over; the badge moves and the controls follow it on both pages', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await a.getByRole('button', { name: 'Make Ben the host' }).click();
  await a
    .getByRole('alertdialog', { name: 'Make Ben the host?' })
    .getByRole('button', { name: 'Make host' })
    .click();

  for (const page of [a, b]) {
    await expect(participantRow(page, 'Ben')).toContainText('Host');
    await expect(participantRow(page, 'Ana')).not.toContainText('Host');
  }
  await expect(b.getByRole('button', { name: 'Start Focus' })).toBeEnabled();
  await expect(b.getByRole('button', { name: 'Remove Ana from the room' })).toBeVisible();
  await expect(a.getByRole('button', { name: 'Start Focus' })).toBeDisabled();
  await expect(a.getByRole('button', { name: 'Room settings' })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Remove Ben from the room' })).toHaveCount(0);
});

test('the host’s settings reach every page at once: durations shown, control for everyone', async ({
  openPerson,
}) => {
  const { a, b } = await hostAndTeammate(openPerson);
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(b)).toHaveText('In progress');
  await expect(b.getByRole('button', { name: 'Pause' })).toBeDisabled();

  await a.getByRole('button', { name: 'Room settings' }).click();
  const dialog = a.getByRole('dialog', { name: 'Room settings' });
  await dialog.getByLabel('Short break').fill('7');
  await dialog.getByRole('switch', { name: 'Everyone may control the timer' }).click();
  await dialog.getByRole('button', { name: 'Save settings' }).click();

  await expect(b.getByTestId('room-rhythm')).toContainText('Short break 7 min');
  await expect(b.getByRole('button', { name: 'Pause' })).toBeEnabled();
  // The running focus phase keeps its length; the new break length comes with the next phase.
  await b.getByRole('button', { name: 'Skip to the next phase' }).click();
  await expect(a.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await expect(a.getByRole('timer')).toHaveAttribute('data-seconds', /^(41\d|420)$/);
});

test('a token the server no longer accepts ends on a clear page instead of retrying for ever', async ({
  openPerson,
}) => {
  const a = await openPerson();
  const link = await createRoom(a);
  const roomId = link.split('/').pop() ?? '';
  const stranger = await openPerson();
  await stranger.goto('/');
  // A token signed with some other key: with negotiation skipped, its WebSocket upgrade fails with 401,
  // which the page cannot read; the REST check behind the retries tells it the token is dead.
  await stranger.evaluate(
    ([id]) =>
      localStorage.setItem(
        `focusmate.room.${id}`,
        JSON.stringify({ participant_id: crypto.randomUUID(), user_name: 'Eve', token: 'not.a.token' }),
      ),
    [roomId] as const,
  );
  await stranger.goto(link);
  await expect(stranger.getByRole('heading', { name: 'You are no longer in this room' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(stranger.getByRole('button', { name: 'Join again' })).toBeVisible();
});

test.describe('room expiry', () => {
  let shortLived: Backend;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A backend of its own whose rooms expire after an hour unused, swept every second; its test
    // clock jumps over the hour.
    shortLived = await Backend.start({
      Retention__RoomInactivity: '01:00:00',
      Retention__SweepInterval: '00:00:01',
    });
  });
  test.afterAll(async () => {
    await shortLived.stop();
  });

  test('a room unused for too long is deleted, and the page inside says it expired', async ({
    openPerson,
  }) => {
    const a = await openPerson({ baseURL: shortLived.url });
    await createRoom(a);
    await shortLived.advanceClock(3700);
    await expect(a.getByRole('heading', { name: 'This room has expired' })).toBeVisible({ timeout: 15_000 });
    await expect(a.getByText('Nobody had used it for a long time')).toBeVisible();
  });
});
