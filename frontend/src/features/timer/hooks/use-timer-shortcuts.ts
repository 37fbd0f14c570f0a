import { useEffect, useRef } from 'react';

export interface TimerShortcuts {
  toggle: () => void;
  reset: () => void;
  skip: () => void;
}

const typingTargets = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']);

/** Whether a key press is meant for the page rather than for a field, a button or an open dialog. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (typingTargets.has(target.tagName) || target.isContentEditable) return false;
    if (target.closest('[role="dialog"], [role="alertdialog"]')) return false;
  }
  return true;
}

/** Space starts/pauses, R asks to reset, S skips. */
export function useTimerShortcuts(enabled: boolean, shortcuts: TimerShortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event)) return;
      const action = { ' ': 'toggle', r: 'reset', s: 'skip' }[event.key.toLowerCase()] as
        keyof TimerShortcuts | undefined;
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
