import { useEffect, useRef } from 'react';

export interface TimerShortcuts {
  toggle: () => void;
  reset: () => void;
  skip: () => void;
}

const typingTargets = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const pressable = 'button, a[href], [role="button"], [role="switch"]';

const hasModifier = (event: KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;

/**
 * Whether a key press is meant for the page: not typed into a field, not inside an open dialog, and
 * not a space bar that is about to press the focused button itself.
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || hasModifier(event)) return false;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return true;
  if (typingTargets.has(target.tagName) || target.isContentEditable) return false;
  if (target.closest('[role="dialog"], [role="alertdialog"]')) return false;
  return !(event.key === ' ' && target.closest(pressable));
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
