import * as Switch from '@radix-ui/react-switch';
import { useId } from 'react';

import field from './field.module.css';
import styles from './switch-field.module.css';

interface SwitchFieldProps {
  label: string;
  hint?: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  /** The id of more text about the switch (its state, a problem), read after the hint. */
  describedBy?: string;
}

export function SwitchField(props: SwitchFieldProps) {
  const { label, hint, checked, onCheckedChange, disabled, describedBy } = props;
  const id = useId();
  return (
    <div className={styles['switch-field']}>
      <div>
        <label htmlFor={id} className={styles['switch-field__label']}>
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className={field.field__hint}>
            {hint}
          </p>
        )}
      </div>
      <Switch.Root
        id={id}
        className={styles.switch}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={[hint && `${id}-hint`, describedBy].filter(Boolean).join(' ') || undefined}
      >
        <Switch.Thumb className={styles.switch__thumb} />
      </Switch.Root>
    </div>
  );
}
