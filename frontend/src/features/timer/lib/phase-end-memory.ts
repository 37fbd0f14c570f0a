// Which phase ends this page has announced, per room, so that one announced live is not announced again
// by a (re)join, and one lost to a reconnect or a server crash is announced by the next join: exactly
// once per phase end per page. sessionStorage: one tab's memory, kept across its reloads.
//
// Instants are on the server's clock: a live `timer_complete` is remembered by its `server_time` (sent at
// or just after the phase ended), a missed one by the snapshot's `completed_at`.

const keyOf = (roomId: string) => `focusmate.phase-end.${roomId.toLowerCase()}`;

/** How long after a phase end a page that (re)joins still announces it. */
export const missedPhaseEndWindowMs = 60_000;

/**
 * A live event this soon after the phase end a join announced is that same phase end (its broadcast
 * crossed the join's answer); phases last a minute at least, so the next one cannot be this close.
 */
const broadcastLagMs = 10_000;

/** `completed_at` is kept to the millisecond, `server_time` too: allow for rounding between them. */
const roundingMs = 1_000;

export function lastAnnouncedPhaseEnd(roomId: string): number | undefined {
  try {
    const value = Number(sessionStorage.getItem(keyOf(roomId)));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers that the phase end at `atMs` (server clock) was announced on this page. */
export function rememberPhaseEnd(roomId: string, atMs: number): void {
  const latest = Math.max(atMs, lastAnnouncedPhaseEnd(roomId) ?? 0);
  try {
    sessionStorage.setItem(keyOf(roomId), String(latest));
  } catch {
    // Private mode: this page may announce a phase end twice after a reload, nothing worse.
  }
}

/**
 * Whether a join's `last_completion` at `completedAtMs` is news to this page: recent on the server's
 * clock, and later than anything announced here already.
 */
export function isMissedPhaseEnd(
  completedAtMs: number,
  serverNowMs: number,
  announcedMs: number | undefined,
): boolean {
  if (Number.isNaN(completedAtMs) || serverNowMs - completedAtMs > missedPhaseEndWindowMs) return false;
  return announcedMs === undefined || completedAtMs > announcedMs + roundingMs;
}

/** Whether a live `timer_complete` sent at `sentAtMs` is one a join announced already. */
export function isAnnouncedAlready(sentAtMs: number, announcedMs: number | undefined): boolean {
  return announcedMs !== undefined && sentAtMs <= announcedMs + broadcastLagMs;
}
