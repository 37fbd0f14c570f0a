import { apiRequest } from '@/lib/api-client';
import type {
  CreatedRoom,
  CreateRoomRequest,
  HubTicket,
  JoinedParticipant,
  Room,
  UpdateRoomRequest,
} from '@/types/api';

const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

export const createRoom = (request: CreateRoomRequest) =>
  apiRequest<CreatedRoom>('POST', '/rooms', { body: request });

export const getRoom = (roomId: string, signal?: AbortSignal) =>
  apiRequest<Room>('GET', roomPath(roomId), { signal });

export const updateRoom = (roomId: string, token: string, request: UpdateRoomRequest) =>
  apiRequest<Room>('PATCH', roomPath(roomId), { token, body: request });

export const deleteRoom = (roomId: string, token: string) =>
  apiRequest<void>('DELETE', roomPath(roomId), { token });

export const joinRoom = (roomId: string, userName: string) =>
  apiRequest<JoinedParticipant>('POST', `${roomPath(roomId)}/participants`, {
    body: { user_name: userName },
  });

export const leaveRoom = (roomId: string, participantId: string, token: string) =>
  apiRequest<void>('DELETE', `${roomPath(roomId)}/participants/${encodeURIComponent(participantId)}`, {
    token,
  });

/** A single-use ticket that opens one hub connection within a minute; the token stays in the header. */
export const requestHubTicket = (roomId: string, token: string) =>
  apiRequest<HubTicket>('POST', `${roomPath(roomId)}/participants/me/hub-ticket`, { token });
