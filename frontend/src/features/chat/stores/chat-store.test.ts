import { beforeEach, describe, expect, it } from 'vitest';

import { chatMessage } from '@/testing/chat-message';

import { useChatStore } from './chat-store';

const chat = () => useChatStore.getState();
const me = 'me';

describe('chat store', () => {
  beforeEach(() => {
    chat().clear();
    chat().setExpanded(false);
  });

  it('counts others’ messages that arrive while folded, not my own, and not twice', () => {
    chat().loadHistory([chatMessage('m1', 'ana', 'old')], me);
    expect(chat().unread).toBe(0);

    chat().receive(chatMessage('m2', 'ana', 'hi'), me);
    chat().receive(chatMessage('m2', 'ana', 'hi'), me);
    chat().receive(chatMessage('m3', me, 'mine'), me);
    expect(chat().unread).toBe(1);
    expect(chat().messages.map((m) => m.message_id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('opening the panel reads everything; messages to an open panel are never unread', () => {
    chat().receive(chatMessage('m1', 'ana', 'hi'), me);
    chat().setExpanded(true);
    expect(chat().unread).toBe(0);
    chat().receive(chatMessage('m2', 'ana', 'there'), me);
    expect(chat().unread).toBe(0);
  });

  it('after a reconnect, history messages not seen before count as unread', () => {
    chat().loadHistory([chatMessage('m1', 'ana', 'a')], me);
    chat().loadHistory(
      [chatMessage('m1', 'ana', 'a'), chatMessage('m2', 'ben', 'b'), chatMessage('m3', me, 'c')],
      me,
    );
    expect(chat().unread).toBe(1);
    expect(chat().messages).toHaveLength(3);
  });

  it('keeps only the latest messages of a long session', () => {
    for (let i = 0; i < 320; i++) chat().receive(chatMessage(`m${i}`, 'ana', String(i)), me);
    expect(chat().messages).toHaveLength(300);
    expect(chat().messages[0]?.message_id).toBe('m20');
  });
});
