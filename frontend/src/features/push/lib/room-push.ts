// Turning a room's pushes on and off for this browser: the permission (asked from the click), the
// browser's subscription with the server's key, and the server's record of it.
import { ApiError } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';

import {
  currentSubscription,
  NoServiceWorkerError,
  pushUnavailable,
  subscribeBrowser,
  type PushUnavailable,
} from './browser-push';
import { forgetSubscribed, rememberSubscribed, subscribedEndpoint } from './push-memory';
import { getPushKey, subscribeToRoom, unsubscribeFromRoom } from '../api/push';

/** Why turning pushes on (or off) did not work. */
export type PushProblem =
  /** The browser's question was closed without an answer. */
  | 'dismissed'
  /** No service worker to receive pushes (development, or it was blocked). */
  | 'no-worker'
  /** The browser could not reach its own push service. */
  | 'push-service'
  /** The server does not post to this browser's push service. */
  | 'endpoint-refused'
  | 'busy'
  | 'network'
  | 'failed';

export type PushStatus = 'on' | 'off' | PushUnavailable;

export interface PushOutcome {
  status: PushStatus;
  problem?: PushProblem;
  /** For `busy`: the refusal, with how long to wait. */
  busy?: ApiError;
}

/** Whether this room pushes to this browser now: remembered here, and the browser still subscribed. */
export async function roomPushStatus(roomId: string): Promise<PushStatus> {
  const unavailable = pushUnavailable();
  if (unavailable) return unavailable;
  const remembered = subscribedEndpoint(roomId);
  if (!remembered) return 'off';
  const subscription = await currentSubscription();
  if (subscription?.endpoint === remembered) return 'on';
  forgetSubscribed(roomId); // the browser dropped it (permission revoked, expired): the server will too
  return 'off';
}

function problemOf(error: unknown): PushOutcome {
  if (error instanceof NoServiceWorkerError) return { status: 'off', problem: 'no-worker' };
  if (error instanceof DOMException) {
    if (error.name === 'NotAllowedError') return { status: 'denied' };
    return { status: 'off', problem: 'push-service' };
  }
  if (!(error instanceof ApiError)) return { status: 'off', problem: 'failed' };
  if (error.code === 'VALIDATION_ERROR') return { status: 'off', problem: 'endpoint-refused' };
  if (error.isBusy) return { status: 'off', problem: 'busy', busy: error };
  if (error.code === 'NETWORK_ERROR') return { status: 'off', problem: 'network' };
  return { status: 'off', problem: 'failed' };
}

/** From a click: asks the permission first (browsers ignore it otherwise), then subscribes. */
export async function turnOnRoomPush(
  roomId: string,
  token: string,
  language: Language,
): Promise<PushOutcome> {
  const unavailable = pushUnavailable();
  if (unavailable) return { status: unavailable };
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return { status: 'denied' };
  if (permission !== 'granted') return { status: 'off', problem: 'dismissed' };
  try {
    const subscription = await subscribeBrowser(await getPushKey());
    const { endpoint, expirationTime, keys } = subscription.toJSON();
    if (!endpoint || !keys?.p256dh || !keys.auth) return { status: 'off', problem: 'push-service' };
    await subscribeToRoom(roomId, token, {
      endpoint,
      expirationTime: expirationTime ?? null,
      keys: { p256dh: keys.p256dh, auth: keys.auth },
      language,
    });
    rememberSubscribed(roomId, endpoint);
    return { status: 'on' };
  } catch (error) {
    return problemOf(error);
  }
}

/** Stops this room's pushes; the browser's subscription goes too when no other room uses it. */
export async function turnOffRoomPush(roomId: string, token: string): Promise<PushOutcome> {
  const endpoint = subscribedEndpoint(roomId) ?? (await currentSubscription())?.endpoint;
  try {
    if (endpoint) await unsubscribeFromRoom(roomId, token, { endpoint });
  } catch (error) {
    // Already gone on the server (it drops a participant's subscriptions when they leave): off all the same.
    const gone = error instanceof ApiError && ['NOT_FOUND', 'ROOM_NOT_FOUND'].includes(error.code);
    if (!gone) return { ...problemOf(error), status: 'on' };
  }
  if (!forgetSubscribed(roomId)) await (await currentSubscription())?.unsubscribe();
  return { status: 'off' };
}
