import type { Participant } from '@/types/api';

/** A participant for tests: online, following the room's phase, not the host, unless overridden. */
export function participant(id: string, overrides: Partial<Participant> = {}): Participant {
  return {
    participant_id: id,
    user_name: id.charAt(0).toUpperCase() + id.slice(1),
    is_host: false,
    online: true,
    status: 'break',
    status_source: 'room',
    task: null,
    joined_at: '2026-01-02T03:04:05.000Z',
    ...overrides,
  };
}
