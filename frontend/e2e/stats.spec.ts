// The statistics page: the room's figures for today, this week and this month in the viewer's time zone,
// focus per day, and the history of its phases.
import { expect, test } from './support/fixtures';
import { createRoom, timerStatus } from './support/room';

test('a room’s phases show up in its statistics, counted in the viewer’s time zone', async ({
  openPerson,
  backend,
}) => {
  const a = await openPerson({ timezoneId: 'Asia/Seoul' });
  const link = await createRoom(a, { work: 1 });

  // One focus phase runs to its end, the break after it is skipped, and a second focus is cut short.
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a)).toHaveText('In progress');
  await backend.advanceClock(61);
  await expect(a.getByRole('heading', { name: 'Short break' })).toBeVisible();
  await a.getByRole('button', { name: 'Skip to the next phase' }).click();
  await expect(timerStatus(a)).toHaveText('Up next');
  await a.getByRole('button', { name: 'Start Focus' }).click();
  await expect(timerStatus(a)).toHaveText('In progress');
  await backend.advanceClock(20);
  await a.getByRole('button', { name: 'Skip to the next phase' }).click();
  await expect(a.getByRole('heading', { name: 'Short break' })).toBeVisible();

  const asked = a.waitForRequest((request) => request.url().includes('/statistics?'));
  await a.getByRole('link', { name: 'Statistics and history of this room' }).click();
  await expect(a).toHaveURL(`${link}/stats`);
  const query = new URL((await asked).url()).searchParams;
  expect(query.get('tz')).toBe('Asia/Seoul');
  expect(query.get('period')).toBe('week');

  await expect(a.getByRole('heading', { level: 1 })).toHaveText(/^Statistics of /);
  await expect(a.getByTestId('stats.completedSessions')).toHaveText(/^1\b/);
  await expect(a.getByTestId('stats.completionRate')).toContainText('50%');
  await expect(a.getByTestId('stats.focusTime')).toContainText('1 min');
  await expect(a.getByTestId('stats.averageSession')).toContainText('1 min');

  // A bar chart (recharts) with a day per weekday and today's bar, the same numbers as a table for
  // screen readers, and the focus of each person.
  const chart = a.getByRole('figure', { name: 'Focus minutes per day' });
  const plot = chart.getByTestId('day-chart');
  await expect(plot.locator('.recharts-xAxis .recharts-cartesian-axis-tick')).toHaveCount(7);
  await expect(plot.locator('.recharts-bar-rectangle path')).toHaveCount(1);
  await expect(plot.locator('.recharts-label-list')).toHaveText('1');
  const today = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'Asia/Seoul',
  }).format(new Date());
  await expect(chart.getByRole('row', { name: today })).toContainText('1');
  const people = a.getByRole('region', { name: 'Focus per person' }).getByRole('listitem');
  await expect(people).toHaveText(['Ana1 min']);

  const sessions = a.getByRole('region', { name: 'Recent sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(3);
  await expect(sessions.nth(0)).toContainText('Skipped');
  await expect(sessions.nth(1)).toContainText('Short break');
  await expect(sessions.nth(2)).toContainText('Completed');

  await a.getByRole('radio', { name: 'Today' }).check();
  await expect(chart).toHaveCount(0);
  await expect(a.getByTestId('stats.completedSessions')).toHaveText(/^1\b/);

  await a.getByRole('link', { name: 'Back to the room' }).click();
  await expect(a).toHaveURL(link);
});

test('the statistics page does not download the room page’s code', async ({ openPerson }) => {
  const a = await openPerson();
  const link = await createRoom(a);
  const page = await openPerson();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto(`${link}/stats`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Statistics of /);
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    // The room page's code is the one that talks to the hub (SignalR and all).
    const source = await (await page.request.get(url)).text();
    expect(source, url).not.toContain('/hubs/room');
  }
});

test('the room page does not download the chart library (it comes with the statistics page)', async ({
  openPerson,
}) => {
  const a = await openPerson();
  const scripts: string[] = [];
  a.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await createRoom(a);
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) {
    const source = await (await a.request.get(url)).text();
    expect(source, url).not.toContain('recharts-bar-rectangle');
  }
});

test('Korean: the statistics speak Korean and count sessions with a counter', async ({ openPerson }) => {
  const a = await openPerson({ locale: 'ko-KR' });
  await a.goto('/');
  await a.getByLabel('방 이름').fill(`ko-stats-${Date.now().toString(36)}`);
  await a.getByLabel('내 이름').fill('민지');
  await a.getByRole('button', { name: '방 만들기' }).click();
  await a.getByRole('link', { name: '이 방의 통계와 기록' }).click();
  await expect(a.getByRole('heading', { level: 1 })).toHaveText(/ 통계$/);
  await expect(a.getByRole('radio', { name: '이번 주' })).toBeChecked();
  await expect(a.getByText('이 기간에 끝난 세션이 아직 없습니다.')).toBeVisible();
});
