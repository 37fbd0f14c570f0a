// The chat's texts.
import { defineMessages, type KeyOf } from '@/lib/i18n/translate';

export const chatMessages = defineMessages(
  {
    'chat.title': 'Chat',
    'chat.titleUnread': 'Chat, {count} unread',
    'chat.messages': 'Messages',
    'chat.empty': 'No messages yet. Say hello to the room.',
    'chat.you': 'You',
    'chat.message': 'Message',
    'chat.placeholder': 'Message the room',
    'chat.keys': 'Enter sends · Shift+Enter for a new line',
    'chat.send': 'Send message',
    'chat.rateLimited': 'That was quick — wait a few seconds, then send again. Your message is still here.',
    'chat.invalid': 'A message can be 1–500 characters.',
    'chat.notSent': 'Not sent: the connection is down. Your message is still here.',
    'chat.failed': 'Not sent. Please try again.',
    'chat.offline': 'You can send again when the connection is back.',
  },
  {
    'chat.title': '채팅',
    'chat.titleUnread': '채팅, 읽지 않은 메시지 {count}개',
    'chat.messages': '메시지',
    'chat.empty': '아직 메시지가 없습니다. 방에 인사를 건네 보세요.',
    'chat.you': '나',
    'chat.message': '메시지',
    'chat.placeholder': '방에 메시지 보내기',
    'chat.keys': 'Enter로 보내기 · Shift+Enter로 줄바꿈',
    'chat.send': '메시지 보내기',
    'chat.rateLimited': '조금 빨랐어요. 몇 초 뒤에 다시 보내 주세요. 메시지는 그대로 남아 있습니다.',
    'chat.invalid': '메시지는 1–500자로 입력하세요.',
    'chat.notSent': '보내지 못했습니다. 연결이 끊겼습니다. 메시지는 그대로 남아 있습니다.',
    'chat.failed': '보내지 못했습니다. 다시 시도해 주세요.',
    'chat.offline': '연결이 돌아오면 다시 보낼 수 있습니다.',
  },
);

export type ChatMessageKey = KeyOf<typeof chatMessages>;
