import { describe, expect, it } from 'vitest';

import { isShortcutEvent } from './use-timer-shortcuts';

function keyOn(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  let seen: KeyboardEvent | undefined;
  target.addEventListener('keydown', (e) => (seen = e), { once: true });
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  if (!seen) throw new Error('no event');
  return seen;
}

describe('isShortcutEvent', () => {
  it('takes keys pressed on the page', () => {
    expect(isShortcutEvent(keyOn(document.body, ' '))).toBe(true);
  });

  it('leaves typing in a field alone', () => {
    const input = document.body.appendChild(document.createElement('input'));
    expect(isShortcutEvent(keyOn(input, 's'))).toBe(false);
  });

  it('leaves the space bar to a focused button, but still takes letters there', () => {
    const button = document.body.appendChild(document.createElement('button'));
    expect(isShortcutEvent(keyOn(button, ' '))).toBe(false);
    expect(isShortcutEvent(keyOn(button, 'r'))).toBe(true);
  });

  it('ignores keys inside an open dialog and with modifiers', () => {
    const dialog = document.body.appendChild(document.createElement('div'));
    dialog.setAttribute('role', 'alertdialog');
    const inner = dialog.appendChild(document.createElement('span'));
    expect(isShortcutEvent(keyOn(inner, 'r'))).toBe(false);
    expect(isShortcutEvent(keyOn(document.body, 'r', { ctrlKey: true }))).toBe(false);
  });
});
