// The room page's session: loads the room, connects to the hub (with a fresh ticket, asked for with the
// participant's token, for every connection), keeps the server clock estimate fresh, and is the one
// place where server state lands in the stores.
import { listMessages } from '@/features/chat/api/chat';
import { useChatStore } from '@/features/chat/stores/chat-store';
import { useParticipantsStore } from '@/features/participants/stores/participants-store';
import { getRoom, leaveRoom, requestHubTicket } from '@/features/room/api/rooms';
import { forgetCredentials, loadCredentials, type Credentials } from '@/features/room/lib/credentials';
import { useRoomStore } from '@/features/room/stores/room-store';
import { announceLivePhaseEnd, announceMissedPhaseEnd } from '@/features/timer/lib/announce-phase-end';
import { contradictsEstimate, measureServerClock } from '@/features/timer/lib/server-clock';
import { serverNow, useTimerStore } from '@/features/timer/stores/timer-store';
import { ApiError } from '@/lib/api-client';
import { connectRoomHub, disconnectRoomHub, invokeRoomHub, reconnectDelay, type RoomHub } from '@/lib/hub';
import { busyWaitMs, maxBusyWaitSeconds } from '@/lib/retry';
import type { ParticipantUpdate } from '@/types/api';

const resyncEveryMs = 3 * 60_000;
// Soon after joining, measure again: the first samples often meet a cold server or a busy page.
const earlyResyncsMs = [2_000, 10_000];
const notFoundCodes: ApiError['code'][] = [
  'ROOM_NOT_FOUND',
  'NOT_FOUND',
  'VALIDATION_ERROR',
  'MALFORMED_REQUEST',
];

const rooms = () => useRoomStore.getState();
const timers = () => useTimerStore.getState();
const people = () => useParticipantsStore.getState();
const chat = () => useChatStore.getState();
const myId = () => rooms().credentials?.participant_id;

export class RoomSession {
  private hub: RoomHub | undefined;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private loadAttempt = 0;
  private syncing: Promise<void> | undefined;
  private earlyResyncs: ReturnType<typeof setTimeout>[] = [];
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly roomId: string) {}

  open(): void {
    this.closed = false;
    this.hub = undefined;
    rooms().open(this.roomId, loadCredentials(this.roomId));
    timers().clear();
    people().clear();
    chat().clear();
    this.listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.syncClock();
    });
    this.listen(window, 'online', () => this.hub?.retryNow());
    const interval = setInterval(() => void this.syncClock(), resyncEveryMs);
    this.cleanups.push(() => {
      clearInterval(interval);
      this.earlyResyncs.forEach(clearTimeout);
    });
    void this.load();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    void disconnectRoomHub();
    rooms().close();
    timers().clear();
    people().clear();
    chat().clear();
  }

  /** A newcomer chose a name and got a token. */
  joined(credentials: Credentials): void {
    rooms().setCredentials(credentials);
    this.connect(credentials.token);
  }

  /** Whether a failed join ends the visit (full room, room gone); the prompt shows anything else. */
  joinRefused(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false;
    if (error.code === 'MAX_PARTICIPANTS_REACHED') rooms().end('full');
    else if (error.code === 'ROOM_NOT_FOUND') rooms().end('deleted');
    else return false;
    return true;
  }

  async leave(): Promise<void> {
    const credentials = rooms().credentials;
    forgetCredentials(this.roomId);
    await disconnectRoomHub();
    if (!credentials) return;
    try {
      await leaveRoom(this.roomId, credentials.participant_id, credentials.token);
    } catch {
      // Already gone, or the server is down: the server drops idle participants by itself.
    }
  }

  /** After "removed": forget the old token and ask for a name again (a new participant). */
  rejoin(): void {
    forgetCredentials(this.roomId);
    rooms().setCredentials(undefined);
    people().clear();
    chat().clear();
    void this.load();
  }

  retry(): void {
    clearTimeout(this.retryTimer);
    void this.load();
  }

  private listen(target: EventTarget, type: string, handler: () => void): void {
    target.addEventListener(type, handler);
    this.cleanups.push(() => target.removeEventListener(type, handler));
  }

  private async load(): Promise<void> {
    try {
      const room = await getRoom(this.roomId);
      if (this.closed) return;
      this.loadAttempt = 0;
      rooms().setRoom(room);
      timers().applyTimer(room.timer_state);
      const credentials = rooms().credentials;
      if (credentials && !this.hub) this.connect(credentials.token);
    } catch (error) {
      if (!this.closed) this.loadFailed(error);
    }
  }

  private loadFailed(error: unknown): void {
    if (error instanceof ApiError && notFoundCodes.includes(error.code)) {
      rooms().end('not-found');
      return;
    }
    if (error instanceof ApiError && error.isBusy) {
      // Not down, just asking us to wait: keep the loading page, say so, and try again after the wait.
      const wait = busyWaitMs(error) ?? maxBusyWaitSeconds * 1000;
      rooms().setBusy(Date.now() + wait);
      this.retryTimer = setTimeout(() => void this.load(), wait);
      return;
    }
    rooms().end('unreachable');
    this.retryTimer = setTimeout(() => void this.load(), Math.max(1000, reconnectDelay(this.loadAttempt++)));
  }

  private connect(token: string): void {
    this.hub = connectRoomHub(token, {
      events: {
        timer_update: ({ data, server_time }) => {
          this.checkClock(server_time);
          timers().applyTimer(data);
        },
        timer_complete: ({ data, server_time }) =>
          announceLivePhaseEnd(this.roomId, data, Date.parse(server_time)),
        participant_update: ({ data }) => this.participantChanged(data),
        // New settings (and the timer with them): durations, the cycle and who may control the timer
        // change on every page at once; new durations take effect from the next phase, by the server.
        room_updated: ({ data }) => {
          rooms().setRoom(data);
          timers().applyTimer(data.timer_state);
        },
        room_deleted: ({ data }) => this.ended(data.reason === 'expired' ? 'expired' : 'deleted'),
        chat_message: ({ data }) => chat().receive(data, myId()),
      },
      onStatus: (status) => rooms().setConnection(status),
      onBusy: (until) => rooms().setBusy(until),
      onReady: () => this.enter(),
      onRefused: () => void this.refused(),
      hubTicket: () => this.hubTicket(token),
      checkAccess: () => listMessages(this.roomId, this.currentToken(token), 1),
    });
  }

  /** The token to use now: another tab may have stored a newer one for me (token rotation). */
  private currentToken(fallback: string): string {
    return rooms().credentials?.token ?? fallback;
  }

  /**
   * A single-use ticket for the next hub connection. If my token was replaced in another tab (it stored
   * the new one), a 401 is retried once with the stored token; otherwise the refusal ends the visit.
   */
  private async hubTicket(token: string): Promise<string> {
    const mine = this.currentToken(token);
    try {
      return (await requestHubTicket(this.roomId, mine)).ticket;
    } catch (error) {
      const rotated =
        error instanceof ApiError && error.code === 'UNAUTHORIZED' && this.rotatedCredentials(mine);
      if (!rotated) throw error;
      rooms().setCredentials(rotated);
      return (await requestHubTicket(this.roomId, rotated.token)).ticket;
    }
  }

  /** Credentials another tab stored for me with a token other than `mine`. */
  private rotatedCredentials(mine: string): Credentials | undefined {
    const stored = loadCredentials(this.roomId);
    return stored && stored.participant_id === myId() && stored.token !== mine ? stored : undefined;
  }

  private participantChanged(update: ParticipantUpdate): void {
    people().applyUpdate(update);
    if (update.participant.participant_id !== myId()) return;
    // The server closes my connections next and my token stops working.
    if (update.action === 'removed') this.ended('removed');
    else if (update.action === 'left') this.ended('gone');
  }

  /** On every (re)connection: measure the clock, then join_room() for the full snapshot. */
  private async enter(): Promise<void> {
    await this.syncClock();
    const snapshot = await invokeRoomHub('join_room');
    rooms().setRoom(snapshot.room);
    timers().applyTimer(snapshot.timer);
    people().setParticipants(snapshot.participants);
    chat().loadHistory(snapshot.messages, snapshot.participant_id);
    // A phase that ended while this page was away (or the server down) is still announced, once.
    const snapshotTime = Date.parse(snapshot.server_time);
    const now = Number.isNaN(snapshotTime) ? serverNow() : snapshotTime;
    announceMissedPhaseEnd(this.roomId, snapshot.last_completion, snapshot.timer, now);
    this.earlyResyncs.forEach(clearTimeout);
    this.earlyResyncs = earlyResyncsMs.map((ms) => setTimeout(() => void this.syncClock(), ms));
  }

  private syncClock(): Promise<void> {
    // One measurement at a time; a second request joins the one under way.
    this.syncing ??= measureServerClock((clientTime) => invokeRoomHub('sync', clientTime))
      .then((estimate) => {
        if (estimate) timers().measuredClock(estimate);
      })
      .catch(() => undefined)
      .finally(() => {
        this.syncing = undefined;
      });
    return this.syncing;
  }

  private checkClock(serverTime: string): void {
    if (contradictsEstimate(Date.parse(serverTime), serverNow())) void this.syncClock();
  }

  private ended(outcome: 'removed' | 'gone' | 'deleted' | 'expired'): void {
    forgetCredentials(this.roomId);
    void disconnectRoomHub();
    this.hub = undefined;
    rooms().end(outcome);
  }

  /** The hub no longer accepts the token: the room is gone, or we are no longer in it. */
  private async refused(): Promise<void> {
    this.hub = undefined;
    try {
      await getRoom(this.roomId);
      this.ended('gone');
    } catch (error) {
      if (error instanceof ApiError && notFoundCodes.includes(error.code)) this.ended('deleted');
      else rooms().end('unreachable');
    }
  }
}
