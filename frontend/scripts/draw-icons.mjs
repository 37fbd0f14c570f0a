// `node scripts/draw-icons.mjs`: draws the app's icons (public/icons/*.png) with the Chromium the e2e tests
// use. The picture is the favicon's tomato clock: on a rounded tile for `any`, and on a full-bleed tile with
// the clock inside the safe zone (the middle 80%) for `maskable`, which launchers crop to their own shape.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '..', 'public', 'icons');
const clock = `
  <circle cx="16" cy="17" r="13" fill="#c2410c"/>
  <path d="M16 17V8" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
  <path d="M16 17l6 4" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
  <path d="M13 2h6" stroke="#047857" stroke-width="3" stroke-linecap="round"/>`;

/** `scale`: the clock's share of the tile; `radius`: the tile's corner, as a share of its side. */
const icon = (size, scale, radius) => {
  const clockSize = size * scale;
  const offset = (size - clockSize) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
    <rect width="${size}" height="${size}" rx="${size * radius}" fill="#fdeee6"/>
    <svg x="${offset}" y="${offset}" width="${clockSize}" height="${clockSize}" viewBox="0 0 32 32">${clock}</svg>
  </svg>`;
};

const icons = [
  ['icon-192.png', 192, 0.72, 0.22],
  ['icon-512.png', 512, 0.72, 0.22],
  ['maskable-192.png', 192, 0.56, 0],
  ['maskable-512.png', 512, 0.56, 0],
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const [name, size, scale, radius] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:transparent">${icon(size, scale, radius)}</body>`);
  await page.screenshot({
    path: path.join(out, name),
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  console.log(`public/icons/${name}`);
}
await browser.close();
