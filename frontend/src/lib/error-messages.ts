// What any feature says when a request fails the usual ways (network, busy server, not allowed).
import { defineMessages, type KeyOf } from '@/lib/i18n/translate';

export const errorMessages = defineMessages(
  {
    'error.network': 'The server could not be reached. Please try again.',
    'error.generic': 'Something went wrong. Please try again.',
    'error.rateLimited': 'Too many requests. Please wait a moment.',
    'error.forbidden': 'You are not allowed to do that.',
    'error.rateLimitedFor': 'Too many requests right now. Please try again in {wait}.',
    'error.serviceBusy': 'The server is busy right now. Please try again in a moment.',
    'wait.seconds': '{count} s',
    'wait.minutes': '{count} min',
  },
  {
    'error.network': '서버에 연결할 수 없습니다. 다시 시도해 주세요.',
    'error.generic': '문제가 생겼습니다. 다시 시도해 주세요.',
    'error.rateLimited': '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
    'error.forbidden': '이 작업을 할 권한이 없습니다.',
    'error.rateLimitedFor': '지금은 요청이 너무 많습니다. {wait} 뒤에 다시 시도해 주세요.',
    'error.serviceBusy': '서버가 지금 바쁩니다. 잠시 후 다시 시도해 주세요.',
    'wait.seconds': '{count}초',
    'wait.minutes': '{count}분',
  },
);

export type ErrorMessageKey = KeyOf<typeof errorMessages>;
