import { afterEach, describe, expect, it } from 'vitest';

import {
  isAnnouncedAlready,
  isMissedPhaseEnd,
  lastAnnouncedPhaseEnd,
  missedPhaseEndWindowMs,
  rememberPhaseEnd,
} from './phase-end-memory';

const ended = Date.parse('2026-01-02T03:04:05.000Z');

describe('phase-end memory', () => {
  afterEach(() => sessionStorage.clear());

  it('remembers per room, in this tab, the latest phase end announced', () => {
    rememberPhaseEnd('Room-A', ended);
    rememberPhaseEnd('room-a', ended - 60_000);
    expect(lastAnnouncedPhaseEnd('room-a')).toBe(ended);
    expect(lastAnnouncedPhaseEnd('room-b')).toBeUndefined();
  });

  it('a join announces a phase end of the last minute that this page has not announced', () => {
    expect(isMissedPhaseEnd(ended, ended + 20_000, undefined)).toBe(true);
    expect(isMissedPhaseEnd(ended, ended + missedPhaseEndWindowMs, undefined)).toBe(true);
    expect(isMissedPhaseEnd(ended, ended + missedPhaseEndWindowMs + 1, undefined)).toBe(false);
  });

  it('not one this page announced live: its timer_complete was sent at or just after the end', () => {
    const sentAt = ended + 150;
    expect(isMissedPhaseEnd(ended, ended + 20_000, sentAt)).toBe(false);
    // Rounding of the two instants to the millisecond does not make it new.
    expect(isMissedPhaseEnd(ended + 400, ended + 20_000, ended)).toBe(false);
  });

  it('but the next phase’s end, a minute or more later, is new', () => {
    expect(isMissedPhaseEnd(ended + 60_000, ended + 70_000, ended + 150)).toBe(true);
  });

  it('a live event crossing a join that announced its phase end is not announced again', () => {
    expect(isAnnouncedAlready(ended + 300, ended)).toBe(true);
    expect(isAnnouncedAlready(ended + 60_000, ended)).toBe(false);
    expect(isAnnouncedAlready(ended, undefined)).toBe(false);
  });
});
