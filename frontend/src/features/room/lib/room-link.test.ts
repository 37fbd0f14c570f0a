import { describe, expect, it } from 'vitest';

import { roomIdFromInput } from './room-link';

const id = '3f2b7c1e-4a52-4c7e-9d0e-8f9a6b1c2d3e';

describe('roomIdFromInput', () => {
  it('finds the room id in a share link from any host', () => {
    expect(roomIdFromInput(`http://localhost:8000/room/${id}`)).toBe(id);
    expect(roomIdFromInput(` https://focus.example.com/room/${id.toUpperCase()}?x=1 `)).toBe(id);
  });

  it('takes a bare id', () => {
    expect(roomIdFromInput(id)).toBe(id);
  });

  it('refuses anything else', () => {
    expect(roomIdFromInput('team-alpha')).toBeUndefined();
    expect(roomIdFromInput('http://localhost:8000/room/not-a-room')).toBeUndefined();
  });
});
