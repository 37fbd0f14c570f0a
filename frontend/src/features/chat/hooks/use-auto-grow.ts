import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The box grows with its text up to the height the stylesheet allows, then scrolls. */
export function useAutoGrow(value: string): RefObject<HTMLTextAreaElement | null> {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + (el.offsetHeight - el.clientHeight)}px`;
  }, [value]);
  return box;
}
