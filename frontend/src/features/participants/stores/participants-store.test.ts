import { describe, expect, it } from 'vitest';

import { participant as person } from '@/testing/participant';
import type { Participant, ParticipantUpdate } from '@/types/api';

import { applyParticipantUpdate } from './participants-store';

const update = (action: ParticipantUpdate['action'], participant: Participant): ParticipantUpdate => ({
  action,
  participant,
  current_count: 0,
});

describe('applyParticipantUpdate', () => {
  const list = [person('a', { is_host: true }), person('b'), person('c')];

  it('adds someone who joined at the end', () => {
    expect(applyParticipantUpdate(list, update('joined', person('d'))).map((p) => p.participant_id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('removes someone who left or was removed', () => {
    expect(applyParticipantUpdate(list, update('left', person('b'))).map((p) => p.participant_id)).toEqual([
      'a',
      'c',
    ]);
    expect(applyParticipantUpdate(list, update('removed', person('c')))).toHaveLength(2);
  });

  it('updates presence in place', () => {
    const next = applyParticipantUpdate(list, update('offline', person('b', { online: false })));
    expect(next.map((p) => [p.participant_id, p.online])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('moves the host badge to the new host', () => {
    const next = applyParticipantUpdate(list, update('host_changed', person('c', { is_host: true })));
    expect(next.filter((p) => p.is_host).map((p) => p.participant_id)).toEqual(['c']);
    expect(next.map((p) => p.participant_id)).toEqual(['a', 'b', 'c']);
  });
});
