import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/lib/api-client';
import { invokeRoomHub } from '@/lib/hub';
import { chatMessage } from '@/testing/chat-message';
import { fakeInvoke } from '@/testing/hub';

import { ChatPanel } from './chat-panel';
import { useChatStore } from '../stores/chat-store';

vi.mock('@/lib/hub', () => ({ invokeRoomHub: vi.fn() }));
const invoke = vi.mocked(invokeRoomHub);

const me = 'me';
const chat = () => useChatStore.getState();
const box = () => screen.getByRole('textbox', { name: 'Message' });

function renderPanel(connected = true) {
  return render(
    <ChatPanel myParticipantId={me} connected={connected} phase={<span>Focus · In progress</span>} />,
  );
}

describe('ChatPanel', () => {
  beforeEach(() => {
    chat().clear();
    chat().setExpanded(true);
  });
  afterEach(() => invoke.mockReset());

  it('shows a message full of markup as the text it is', () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    chat().loadHistory([chatMessage('m1', 'ana', markup)], me);
    const { container } = renderPanel();
    expect(screen.getByText(markup)).toBeInTheDocument();
    expect(container.querySelector('img, script, b')).toBeNull();
  });

  it('sends with Enter, keeps Shift+Enter as a new line, and shows the stored message', async () => {
    invoke.mockImplementation(
      fakeInvoke((_method, text) => Promise.resolve(chatMessage('m9', me, String(text)))),
    );
    renderPanel();
    await userEvent.type(box(), 'first line{Shift>}{Enter}{/Shift}second');
    expect(invoke).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    expect(invoke).toHaveBeenCalledWith('send_message', 'first line\nsecond');
    expect(box()).toHaveValue('');
    expect(within(screen.getByRole('log')).getByText(/first line\s+second/)).toBeInTheDocument();
  });

  it('does not send while an input method is composing (Enter confirms the syllable)', async () => {
    renderPanel();
    await userEvent.type(box(), '안녕');
    const enter = new KeyboardEvent('keydown', {
      key: 'Enter',
      bubbles: true,
      cancelable: true,
      isComposing: true,
    });
    act(() => {
      box().dispatchEvent(enter);
    });
    expect(invoke).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(false);
  });

  it('says calmly when sending too fast, and keeps the message to send again', async () => {
    invoke.mockRejectedValue(new ApiError('RATE_LIMITED', 'Too many messages.', 0));
    renderPanel();
    await userEvent.type(box(), 'again{Enter}');
    expect(await screen.findByText(/That was quick/)).not.toHaveClass('chat__note--problem');
    expect(box()).toHaveValue('again');
  });

  it('sends nothing blank, and nothing while the connection is down', async () => {
    const { rerender } = renderPanel();
    await userEvent.type(box(), '   {Enter}');
    expect(invoke).not.toHaveBeenCalled();
    rerender(<ChatPanel myParticipantId={me} connected={false} />);
    await userEvent.type(box(), 'hello');
    expect(screen.getByRole('button', { name: 'Send message' })).toBeDisabled();
    expect(screen.getByText('You can send again when the connection is back.')).toBeInTheDocument();
  });

  it('folds away, counts what arrives meanwhile, and keeps the phase in its header', async () => {
    renderPanel();
    expect(screen.getByText('Focus · In progress')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Chat' }));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();

    act(() => {
      chat().receive(chatMessage('m1', 'ana', 'one'), me);
      chat().receive(chatMessage('m2', 'ana', 'two'), me);
    });
    const toggle = screen.getByRole('button', { name: 'Chat, 2 unread' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByTestId('chat-unread')).toHaveTextContent('2');
    expect(screen.getByText('Focus · In progress')).toBeInTheDocument();

    await userEvent.click(toggle);
    expect(screen.getByText('two')).toBeInTheDocument();
    expect(screen.queryByTestId('chat-unread')).not.toBeInTheDocument();
  });
});
