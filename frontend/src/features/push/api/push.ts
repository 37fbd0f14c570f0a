import { apiRequest } from '@/lib/api-client';
import type {
  PushKey,
  PushSubscriptionRecord,
  SubscribePushRequest,
  UnsubscribePushRequest,
} from '@/types/api';

const subscriptionsPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}/push-subscriptions`;

/** The server's VAPID public key (base64url). */
export async function getPushKey(): Promise<string> {
  return (await apiRequest<PushKey>('GET', '/push/key')).public_key;
}

/** Asks the server to push this room's phase ends to the browser's push endpoint. */
export const subscribeToRoom = (roomId: string, token: string, body: SubscribePushRequest) =>
  apiRequest<PushSubscriptionRecord>('POST', subscriptionsPath(roomId), { token, body });

/** Stops the pushes of this room to that endpoint. */
export const unsubscribeFromRoom = (roomId: string, token: string, body: UnsubscribePushRequest) =>
  apiRequest<void>('DELETE', subscriptionsPath(roomId), { token, body });
