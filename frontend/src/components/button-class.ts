// The button looks, for elements that are not a <Button>: links that look like buttons, Radix parts.
import { cx } from '@/lib/class-names';

import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'md' | 'lg';

export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md'): string {
  return cx(styles.button, styles[`button--${variant}`], size === 'lg' && styles['button--lg']);
}

/** A square button with an icon only (its accessible name comes from aria-label). */
export function iconButtonClass(tone?: 'quiet' | 'danger'): string {
  return cx(
    styles['icon-button'],
    tone && styles['icon-button--quiet'],
    tone === 'danger' && styles['icon-button--danger'],
  );
}

/** A button that reads as a word (the language switch). */
export const textButtonClass = styles['text-button'];
