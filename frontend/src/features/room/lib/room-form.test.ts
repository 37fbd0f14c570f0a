import { describe, expect, it } from 'vitest';

import {
  checkDisplayName,
  checkRoomName,
  checkSetting,
  draftOf,
  defaultSettings,
  settingsOf,
} from './room-form';

describe('room rules mirrored from the server', () => {
  it('room names: 3–50 letters, digits, _ and -', () => {
    expect(checkRoomName('')?.key).toBe('validation.required');
    expect(checkRoomName('ab')?.key).toBe('validation.roomNameLength');
    expect(checkRoomName('a'.repeat(51))?.key).toBe('validation.roomNameLength');
    expect(checkRoomName('team alpha')?.key).toBe('validation.roomNamePattern');
    expect(checkRoomName('팀-알파')?.key).toBe('validation.roomNamePattern');
    expect(checkRoomName('Team_alpha-2')).toBeUndefined();
  });

  it('display names: 1–50 characters after trimming, no control characters', () => {
    expect(checkDisplayName('   ')?.key).toBe('validation.required');
    expect(checkDisplayName(` ${'x'.repeat(50)} `)).toBeUndefined();
    expect(checkDisplayName('x'.repeat(51))?.key).toBe('validation.nameLength');
    expect(checkDisplayName('a\u0007b')?.key).toBe('validation.nameControl');
    expect(checkDisplayName('민지')).toBeUndefined();
  });

  it('settings: whole numbers in each range', () => {
    expect(checkSetting('work_duration_minutes', '60')).toBeUndefined();
    expect(checkSetting('work_duration_minutes', '61')).toEqual({
      key: 'validation.range',
      params: { min: 1, max: 60 },
    });
    expect(checkSetting('break_duration_minutes', '31')).toBeDefined();
    expect(checkSetting('long_break_interval', '2.5')).toBeDefined();
    expect(checkSetting('max_participants', '1')).toBeDefined();
    expect(checkSetting('max_participants', '')).toBeDefined();
  });

  it('round-trips settings through the editable draft', () => {
    expect(settingsOf(draftOf(defaultSettings))).toEqual(defaultSettings);
  });

  it('takes only the settings from a room (the server refuses unknown fields)', () => {
    const room = { ...defaultSettings, room_id: 'r', room_name: 'team', share_url: 'x' };
    expect(Object.keys(settingsOf(draftOf(room))).sort()).toEqual(Object.keys(defaultSettings).sort());
  });
});
