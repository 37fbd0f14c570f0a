import { describe, expect, it } from 'vitest';

import { shownInFront, shownPageOf, windowShowing } from './windows';

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

describe('whether a push needs a notification', () => {
  it('not while a page showing the room is visible: it tells of the phase end itself', () => {
    expect(shownInFront([{ url: `${room}?x=1`, visibilityState: 'visible' }], room)).toBe(true);
  });

  it('yes when the room’s page is hidden, or only other pages are in front', () => {
    expect(shownInFront([{ url: room, visibilityState: 'hidden' }], room)).toBe(false);
    expect(shownInFront([{ url: 'https://focus.example/', visibilityState: 'visible' }], room)).toBe(false);
    expect(shownInFront([], room)).toBe(false);
  });
});

describe('what a window says it shows', () => {
  const origin = 'https://focus.example';
  it('a page of this app', () => {
    expect(shownPageOf({ type: 'focusmate:shown-page', url: room }, origin)).toBe(room);
  });

  it('nothing from anything else', () => {
    expect(
      shownPageOf({ type: 'focusmate:shown-page', url: 'https://evil.example/room/abc' }, origin),
    ).toBeUndefined();
    expect(shownPageOf({ type: 'other', url: room }, origin)).toBeUndefined();
    expect(shownPageOf({ type: 'focusmate:shown-page', url: 'not a url' }, origin)).toBeUndefined();
    expect(shownPageOf('focusmate:shown-page', origin)).toBeUndefined();
  });
});
