import { describe, expect, it } from 'vitest';

import { windowShowing } from './windows';

const room = 'https://focus.example/room/abc';

describe('which window a notification click brings forward', () => {
  it('the one showing the room, preferring a focused one', () => {
    const windows = [
      { url: 'https://focus.example/', focused: true },
      { url: `${room}?from=link`, focused: false },
      { url: `${room}/`, focused: true },
    ];
    expect(windowShowing(windows, room)).toBe(windows[2]);
  });

  it('none when no tab shows it (a new one opens)', () => {
    expect(
      windowShowing([{ url: 'https://focus.example/room/other' }, { url: `${room}/stats` }], room),
    ).toBeUndefined();
  });
});
