import { describe, expect, it } from 'vitest';

import { notificationFor, readPayload, sameOriginUrl } from './push';

const origin = 'https://focus.example';

describe('a push about a phase end', () => {
  it('becomes a notification tagged with its room, opening the room’s page', () => {
    const payload = {
      title: 'FocusMate',
      body: '🎉 Focus session complete! Time for a break.',
      url: '/room/3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e',
      tag: 'focusmate-3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e',
      room_id: '3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e',
      completed_session_type: 'work',
      next_session_type: 'break',
      completed_at: '2026-03-02T01:25:00.000Z',
    };
    expect(notificationFor(payload, origin)).toEqual({
      title: 'FocusMate',
      url: `${origin}/room/3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e`,
      options: {
        body: '🎉 Focus session complete! Time for a break.',
        tag: 'focusmate-3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e',
        data: { url: `${origin}/room/3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e` },
      },
    });
  });

  it('is tagged with the room’s id when the payload names no tag', () => {
    expect(notificationFor({ room_id: 'r1', url: '/room/r1' }, origin).options.tag).toBe('r1');
  });

  it('still shows something when the payload is missing or odd', () => {
    expect(notificationFor(undefined, origin)).toEqual({
      title: 'FocusMate',
      url: `${origin}/`,
      options: { body: '', data: { url: `${origin}/` } },
    });
    expect(notificationFor({ title: 3, body: null }, origin).title).toBe('FocusMate');
  });

  it('opens only pages of this app', () => {
    expect(sameOriginUrl('https://evil.example/phish', origin)).toBe(`${origin}/`);
    expect(sameOriginUrl('javascript:alert(1)', origin)).toBe(`${origin}/`);
    expect(sameOriginUrl(`${origin}/room/x`, origin)).toBe(`${origin}/room/x`);
  });

  it('reads the JSON of a message, and nothing from one that is not JSON', () => {
    expect(readPayload({ json: () => ({ title: 'T' }) })).toEqual({ title: 'T' });
    expect(
      readPayload({
        json: () => {
          throw new SyntaxError('not JSON');
        },
      }),
    ).toBeUndefined();
    expect(readPayload(null)).toBeUndefined();
  });
});
