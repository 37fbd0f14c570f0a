// The server's rules for a room (SPEC §1), checked in the form before anything is sent.
import type { MessageParams } from '@/lib/i18n/translate';
import type { RoomSettings } from '@/types/api';

import type { RoomMessageKey } from '../messages';

export interface FieldProblem {
  key: RoomMessageKey;
  params?: MessageParams;
}

export type NumberSetting = Exclude<
  keyof RoomSettings,
  'auto_start_break' | 'auto_start_work' | 'allow_all_control'
>;
export type BooleanSetting = Exclude<keyof RoomSettings, NumberSetting>;

export const settingRanges: Record<NumberSetting, { min: number; max: number }> = {
  work_duration_minutes: { min: 1, max: 60 },
  break_duration_minutes: { min: 1, max: 30 },
  long_break_duration_minutes: { min: 1, max: 60 },
  long_break_interval: { min: 1, max: 10 },
  max_participants: { min: 2, max: 50 },
};

export const defaultSettings: RoomSettings = {
  work_duration_minutes: 25,
  break_duration_minutes: 5,
  long_break_duration_minutes: 15,
  long_break_interval: 4,
  auto_start_break: true,
  auto_start_work: false,
  allow_all_control: false,
  max_participants: 50,
};

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
const roomNamePattern = /^[A-Za-z0-9_-]+$/;

export function checkRoomName(value: string): FieldProblem | undefined {
  if (value.length === 0) return { key: 'validation.required' };
  if (value.length < 3 || value.length > 50) return { key: 'validation.roomNameLength' };
  if (!roomNamePattern.test(value)) return { key: 'validation.roomNamePattern' };
  return undefined;
}

export function checkDisplayName(value: string): FieldProblem | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0) return { key: 'validation.required' };
  if (trimmed.length > 50) return { key: 'validation.nameLength' };
  if (controlCharacters.test(trimmed)) return { key: 'validation.nameControl' };
  return undefined;
}

/** Number inputs are edited as text; a setting is valid only as a whole number in its range. */
export function checkSetting(field: NumberSetting, raw: string): FieldProblem | undefined {
  const { min, max } = settingRanges[field];
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return { key: 'validation.range', params: { min, max } };
  }
  return undefined;
}

export type SettingsDraft = Record<NumberSetting, string> & Record<BooleanSetting, boolean>;

export const numberSettings = Object.keys(settingRanges) as NumberSetting[];

/** The editable form of a room's settings (only the settings: a room carries more). */
export function draftOf(settings: RoomSettings): SettingsDraft {
  return {
    work_duration_minutes: String(settings.work_duration_minutes),
    break_duration_minutes: String(settings.break_duration_minutes),
    long_break_duration_minutes: String(settings.long_break_duration_minutes),
    long_break_interval: String(settings.long_break_interval),
    max_participants: String(settings.max_participants),
    auto_start_break: settings.auto_start_break,
    auto_start_work: settings.auto_start_work,
    allow_all_control: settings.allow_all_control,
  };
}

export function settingsProblems(draft: SettingsDraft): Partial<Record<NumberSetting, FieldProblem>> {
  const problems: Partial<Record<NumberSetting, FieldProblem>> = {};
  for (const field of numberSettings) {
    const problem = checkSetting(field, draft[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}

export function settingsOf(draft: SettingsDraft): RoomSettings {
  return {
    work_duration_minutes: Number(draft.work_duration_minutes),
    break_duration_minutes: Number(draft.break_duration_minutes),
    long_break_duration_minutes: Number(draft.long_break_duration_minutes),
    long_break_interval: Number(draft.long_break_interval),
    max_participants: Number(draft.max_participants),
    auto_start_break: draft.auto_start_break,
    auto_start_work: draft.auto_start_work,
    allow_all_control: draft.allow_all_control,
  };
}
