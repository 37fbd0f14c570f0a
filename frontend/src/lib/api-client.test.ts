import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, apiRequest } from './api-client';

function respond(status: number, body?: unknown, contentType = 'application/problem+json') {
  const response = new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(response);
}

describe('apiRequest', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const fetch = respond(200, { room_id: 'r1' }, 'application/json');
    await expect(apiRequest('POST', '/rooms', { body: { room_name: 'x' }, token: 'tok' })).resolves.toEqual({
      room_id: 'r1',
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/rooms');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"room_name":"x"}');
  });

  it('turns problem details into an ApiError with the code and the field errors', async () => {
    respond(422, {
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The request is invalid.',
      code: 'VALIDATION_ERROR',
      errors: { room_name: ['Too short.'], work_duration_minutes: ['Out of range.'] },
    });
    const error = await apiRequest('POST', '/rooms', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 422,
      message: 'The request is invalid.',
      fieldErrors: { room_name: ['Too short.'], work_duration_minutes: ['Out of range.'] },
    });
  });

  it('keeps every contract code, such as a full room', async () => {
    respond(409, { code: 'MAX_PARTICIPANTS_REACHED', detail: 'The room is full.' });
    await expect(apiRequest('POST', '/rooms/1/participants')).rejects.toMatchObject({
      code: 'MAX_PARTICIPANTS_REACHED',
      status: 409,
    });
  });

  it('reports a server that cannot be reached as NETWORK_ERROR', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await apiRequest('GET', '/rooms/1').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.isUnreachable).toBe(true);
  });

  it('treats a proxy error page as unreachable, not as a contract error', async () => {
    respond(502, undefined, 'text/html');
    const error = (await apiRequest('GET', '/rooms/1').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('UNKNOWN_ERROR');
    expect(error.isUnreachable).toBe(true);
  });

  it('returns nothing for 204 No Content', async () => {
    respond(204);
    await expect(apiRequest('DELETE', '/rooms/1', { token: 't' })).resolves.toBeUndefined();
  });
});
