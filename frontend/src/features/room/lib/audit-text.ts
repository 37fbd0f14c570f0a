// The audit log in words: each entry as a sentence in the reader's language. The server's `details` are
// plain English-ish text in known shapes; a shape this code does not know is shown as it came.
import type { Language } from '@/lib/i18n/language';
import type { Translate } from '@/lib/i18n/translate';
import type { AuditEntry } from '@/types/api';

import type { RoomMessageKey } from '../messages';

export interface AuditText {
  /** Who did what: "Mina changed the settings". */
  summary: string;
  /** Further lines: one per changed setting. */
  details: string[];
}

/** The settings' names as the settings form labels them. */
const settingLabels: Partial<Record<string, RoomMessageKey>> = {
  work_duration_minutes: 'home.create.work',
  break_duration_minutes: 'home.create.break',
  long_break_duration_minutes: 'home.create.longBreak',
  long_break_interval: 'home.create.interval',
  auto_start_break: 'home.create.autoStartBreak',
  auto_start_work: 'home.create.autoStartWork',
  allow_all_control: 'home.create.allowAllControl',
  max_participants: 'home.create.maxParticipants',
};

const changePattern = /^(\w+) (\S+) → (\S+)$/;

/** `work_duration_minutes 25 → 50, allow_all_control false → true` as one labelled line per setting. */
export function settingsChanges(details: string, t: Translate<RoomMessageKey>): string[] | undefined {
  const value = (v: string) => (v === 'true' ? t('audit.on') : v === 'false' ? t('audit.off') : v);
  const lines: string[] = [];
  for (const part of details.split(', ')) {
    const [, field = '', from = '', to = ''] = changePattern.exec(part) ?? [];
    const label = settingLabels[field];
    if (!label) return undefined;
    lines.push(t('audit.change', { setting: t(label), from: value(from), to: value(to) }));
  }
  return lines;
}

const offlinePrefix = 'offline: ';
const handoverPrefix = 'to ';

export function describeAuditEntry(entry: AuditEntry, t: Translate<RoomMessageKey>): AuditText {
  const actor = entry.actor_name;
  const { details } = entry;
  switch (entry.action) {
    case 'settings_changed': {
      const changes = settingsChanges(details, t);
      return { summary: t('audit.settings_changed', { actor }), details: changes ?? nonEmpty(details) };
    }
    case 'participant_removed':
      return details.startsWith(offlinePrefix)
        ? summaryOnly(
            t('audit.participant_removed.offline', { actor, names: details.slice(offlinePrefix.length) }),
          )
        : summaryOnly(t('audit.participant_removed', { actor, name: details }));
    case 'host_changed': {
      const name = details.startsWith(handoverPrefix) ? details.slice(handoverPrefix.length) : details;
      return summaryOnly(t('audit.host_changed', { actor, name }));
    }
    case 'timer_reset':
      return summaryOnly(t('audit.timer_reset', { actor }));
    default:
      return summaryOnly(t('audit.other', { actor, details }));
  }
}

const summaryOnly = (summary: string): AuditText => ({ summary, details: [] });
const nonEmpty = (text: string) => (text ? [text] : []);

/** "just now", "5 minutes ago", "어제": how long before `nowMs` (server clock) the entry was made. */
export function relativeTime(atMs: number, nowMs: number, language: Language): string {
  // An entry cannot be in the future; a clock estimate a little off must not say "in 2 seconds".
  const seconds = Math.min(0, Math.round((atMs - nowMs) / 1000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const ago = -seconds;
  if (ago < 45) return format.format(0, 'second');
  if (ago < 45 * 60) return format.format(Math.round(seconds / 60), 'minute');
  if (ago < 22 * 3600) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
