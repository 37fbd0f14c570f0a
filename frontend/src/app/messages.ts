// The app shell's texts: header, pages of its own (not found, errors, a room that cannot be shown).
import { defineMessages, type KeyOf } from '@/lib/i18n/translate';

export const appMessages = defineMessages(
  {
    'app.name': 'FocusMate',
    'app.tagline': 'One timer for the whole team. Focus together, break together.',
    'app.skipToContent': 'Skip to content',
    'app.home': 'FocusMate home',
    'theme.label': 'Theme',
    'theme.system': 'System theme',
    'theme.light': 'Light theme',
    'theme.dark': 'Dark theme',
    'theme.switch': 'Theme: {mode}. Switch theme',
    'language.switch': '한국어로 보기',
    'language.short': '한국어',
    'room.loading': 'Opening the room…',
    'room.controls': 'Room',
    'page.goHome': 'Go to the home page',
    'page.retry': 'Try again',
    'page.joinAgain': 'Join again',
    'page.notFound.title': 'Room not found',
    'page.notFound.body':
      'There is no room at this link. It may have been deleted, or the link is incomplete.',
    'page.deleted.title': 'This room was deleted',
    'page.deleted.body': 'The host deleted the room, with its timer, history and chat.',
    'page.expired.title': 'This room has expired',
    'page.expired.body':
      'Nobody had used it for a long time, so it was deleted with its timer, history and chat.',
    'page.removed.title': 'The host removed you from this room',
    'page.removed.body':
      'Your connection was closed and your place in the room is gone. You can join again as a new participant.',
    'page.gone.title': 'You are no longer in this room',
    'page.gone.body':
      'You left it in another tab, were removed, or were away so long that your place expired. You can join again as a new participant.',
    'page.full.title': 'This room is full',
    'page.full.body':
      'The room has reached its participant limit. Ask the host to raise it, or try again later.',
    'page.unreachable.title': 'FocusMate is not reachable',
    'page.unreachable.body':
      'The server is not answering. Check your connection; we keep trying in the background.',
    'page.error.title': 'Something went wrong',
    'page.error.body': 'This page hit an unexpected error. Going back to the home page usually helps.',
    'page.unknown.title': 'Page not found',
    'page.unknown.body': 'There is nothing at this address.',
  },
  {
    'app.name': 'FocusMate',
    'app.tagline': '팀 전체가 하나의 타이머로. 함께 집중하고, 함께 쉬세요.',
    'app.skipToContent': '본문으로 건너뛰기',
    'app.home': 'FocusMate 홈',
    'theme.label': '테마',
    'theme.system': '시스템 테마',
    'theme.light': '밝은 테마',
    'theme.dark': '어두운 테마',
    'theme.switch': '테마: {mode}. 테마 바꾸기',
    'language.switch': 'View in English',
    'language.short': 'English',
    'room.loading': '방을 여는 중…',
    'room.controls': '방',
    'page.goHome': '홈으로 가기',
    'page.retry': '다시 시도',
    'page.joinAgain': '다시 참여하기',
    'page.notFound.title': '방을 찾을 수 없습니다',
    'page.notFound.body': '이 링크의 방이 없습니다. 삭제되었거나 링크가 잘렸을 수 있습니다.',
    'page.deleted.title': '방이 삭제되었습니다',
    'page.deleted.body': '방장이 방을 삭제했습니다. 타이머, 기록, 채팅도 함께 삭제되었습니다.',
    'page.expired.title': '방이 만료되었습니다',
    'page.expired.body': '오랫동안 사용되지 않아 타이머, 기록, 채팅과 함께 삭제되었습니다.',
    'page.removed.title': '방장이 나를 방에서 내보냈습니다',
    'page.removed.body': '연결이 끊기고 방에서의 자리가 없어졌습니다. 새 참여자로 다시 참여할 수 있습니다.',
    'page.gone.title': '더 이상 이 방의 참여자가 아닙니다',
    'page.gone.body':
      '다른 탭에서 나갔거나, 내보내졌거나, 오래 자리를 비워 참여가 만료되었습니다. 새 참여자로 다시 참여할 수 있습니다.',
    'page.full.title': '방이 가득 찼습니다',
    'page.full.body':
      '이 방은 최대 인원에 도달했습니다. 방장에게 인원을 늘려 달라고 하거나 나중에 다시 시도하세요.',
    'page.unreachable.title': 'FocusMate에 연결할 수 없습니다',
    'page.unreachable.body':
      '서버가 응답하지 않습니다. 연결을 확인하세요. 백그라운드에서 계속 다시 시도합니다.',
    'page.error.title': '문제가 생겼습니다',
    'page.error.body': '이 페이지에서 예상하지 못한 오류가 났습니다. 홈으로 돌아가면 대개 해결됩니다.',
    'page.unknown.title': '페이지를 찾을 수 없습니다',
    'page.unknown.body': '이 주소에는 아무것도 없습니다.',
  },
);

export type AppMessageKey = KeyOf<typeof appMessages>;
