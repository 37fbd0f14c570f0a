import { useId, type InputHTMLAttributes } from 'react';

import { cx } from '@/lib/class-names';

import field from './field.module.css';

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are announced with it. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={cx(field.field, error && field['field--invalid'], className)}>
      <label className={field.field__label} htmlFor={id}>
        {label}
      </label>
      <div className={field.field__control}>
        <input
          id={id}
          className={field.input}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      </div>
      {hint && !error && (
        <p id={hintId} className={field.field__hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={field.field__error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
