import { HttpError } from '@microsoft/signalr';
import { describe, expect, it } from 'vitest';

import { reconnectDelay, toHubError } from './hub';

describe('toHubError', () => {
  it('takes the contract code of a refused invocation from its error event', () => {
    const error = toHubError(
      new Error(
        "An unexpected error occurred invoking 'start_timer' on the server. HubException: TIMER_ALREADY_RUNNING: The timer is already running.",
      ),
      { code: 'TIMER_ALREADY_RUNNING', message: 'The timer is already running.' },
    );
    expect(error.code).toBe('TIMER_ALREADY_RUNNING');
    expect(error.message).toBe('The timer is already running.');
  });

  it('takes the code of a connection the server closed from its error event', () => {
    const error = toHubError(
      new Error(
        'Server returned an error on close: Connection closed with an error. HubException: UNAUTHORIZED: gone',
      ),
      { code: 'UNAUTHORIZED', message: 'gone' },
    );
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('treats a 401 on negotiate as UNAUTHORIZED', () => {
    expect(toHubError(new HttpError('Unauthorized', 401)).code).toBe('UNAUTHORIZED');
  });

  it('treats anything else as a network failure worth retrying', () => {
    expect(toHubError(new Error('WebSocket closed with status code: 1006')).code).toBe('NETWORK_ERROR');
  });

  it('never reads a code out of the text: without an event it is the connection’s or the server’s', () => {
    const text = new Error('HubException: TIMER_ALREADY_RUNNING: The timer is already running.');
    expect(toHubError(text).code).toBe('NETWORK_ERROR');
    expect(toHubError(text, undefined, true).code).toBe('INTERNAL_ERROR');
  });

  it('an unknown code in an event is still a refusal, not a network failure', () => {
    expect(toHubError(new Error('x'), { code: 'SOMETHING_NEW', message: 'New.' }).code).toBe('UNKNOWN_ERROR');
  });
});

describe('reconnectDelay', () => {
  it('backs off and levels out at ten seconds', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => reconnectDelay(n, middle))).toEqual([
      0, 500, 1000, 2000, 3000, 5000, 10000, 10000,
    ]);
  });

  it('spreads retries by ±20% so a room does not come back in lockstep', () => {
    expect(reconnectDelay(5, () => 0)).toBe(4000);
    expect(reconnectDelay(5, () => 1)).toBe(6000);
  });
});
