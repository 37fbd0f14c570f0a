// `npm run screenshots`: home and room, light and dark, desktop and a 360 px phone, from the real app.
import path from 'node:path';

import { test } from './support/fixtures';
import { createRoom, expectConnected, joinRoom, uniqueRoomName } from './support/room';

const outDir = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const viewports = {
  desktop: { width: 1280, height: 820 },
  phone: { width: 360, height: 780 },
} as const;
const schemes = ['light', 'dark'] as const;

test('home and room pages', async ({ openPerson }) => {
  const host = await openPerson({ viewport: viewports.desktop });
  const link = await createRoom(host, { name: uniqueRoomName('design-review'), host: 'Mina' });
  for (const name of ['Jun', 'Sora']) await joinRoom(await openPerson(), link, name);
  await host.getByRole('button', { name: 'Start Focus' }).click();
  await host.getByTestId('timer-status').getByText('In progress').waitFor();

  for (const scheme of schemes) {
    for (const [device, viewport] of Object.entries(viewports)) {
      const page = await openPerson({ viewport, colorScheme: scheme });
      await page.goto('/');
      await page.getByRole('button', { name: 'Create room' }).waitFor();
      await page.screenshot({ path: path.join(outDir, `home-${scheme}-${device}.png`), fullPage: true });

      await host.setViewportSize(viewport);
      await host.emulateMedia({ colorScheme: scheme });
      await expectConnected(host);
      await host.screenshot({ path: path.join(outDir, `room-${scheme}-${device}.png`), fullPage: true });
    }
  }
});
