import { useId } from 'react';

import { cx } from '@/lib/class-names';

import styles from './segmented-control.module.css';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  /** Marked with a dot (the default, say); `markLabel` says what the dot means to a screen reader. */
  marked?: boolean;
}

interface SegmentedControlProps<T extends string> {
  legend: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** What a marked option's dot means, read after its label ("next"). */
  markLabel?: string;
  disabled?: boolean;
  /** The id of a text describing the group (why it is disabled). */
  describedBy?: string;
  className?: string;
}

/**
 * One choice among a few, as a row of pills: radio buttons underneath, so arrow keys move the choice and
 * screen readers hear a group, its legend and "2 of 3".
 */
export function SegmentedControl<T extends string>(props: SegmentedControlProps<T>) {
  const { legend, options, value, onChange, markLabel, disabled, describedBy, className } = props;
  const name = useId();
  return (
    <fieldset className={cx(styles.segmented, className)} disabled={disabled} aria-describedby={describedBy}>
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          className={cx(styles.segmented__option, option.marked && styles['segmented__option--marked'])}
        >
          <input
            type="radio"
            name={name}
            className={styles.segmented__input}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
          {option.marked && markLabel && (
            <>
              {' '}
              <span className="visually-hidden">({markLabel})</span>
            </>
          )}
        </label>
      ))}
    </fieldset>
  );
}
