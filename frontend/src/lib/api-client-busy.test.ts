import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, apiRequest, parseRetryAfter } from './api-client';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const response = new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(response);
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest, refused for now', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carries Retry-After of a RATE_LIMITED answer', async () => {
    respond(
      429,
      { code: 'RATE_LIMITED', detail: 'Too many joins: wait 7 s and try again.' },
      { 'Retry-After': '7' },
    );
    const error = await failure(apiRequest('POST', '/rooms/1/participants', { body: {} }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 7, isBusy: true });
  });

  it('knows SERVICE_BUSY, the server shedding load, with its wait', async () => {
    respond(503, { code: 'SERVICE_BUSY', detail: 'Busy.' }, { 'Retry-After': '5' });
    const error = await failure(apiRequest('DELETE', '/rooms/1/participants/offline', { token: 't' }));
    expect(error).toMatchObject({ code: 'SERVICE_BUSY', retryAfterSeconds: 5, isBusy: true });
  });

  it('treats a proxy’s own 429 without a contract body as RATE_LIMITED', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('<html>slow down</html>', { status: 429, headers: { 'Retry-After': '2' } }),
    );
    const error = await failure(apiRequest('GET', '/rooms/1'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
  });

  it('leaves the wait unset when the server did not name one', async () => {
    respond(409, { code: 'TIMER_NOT_RUNNING', detail: 'No.' });
    const error = await failure(apiRequest('POST', '/rooms/1/timer/pause'));
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.isBusy).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-02T03:04:05Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Fri, 02 Jan 2026 03:04:15 GMT', now)).toBe(10);
    expect(parseRetryAfter('Fri, 02 Jan 2026 03:04:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
