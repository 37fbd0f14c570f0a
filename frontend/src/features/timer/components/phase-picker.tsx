import { useId } from 'react';

import { cx } from '@/lib/class-names';
import { useT } from '@/lib/i18n/translate';
import type { SessionType } from '@/types/api';

import styles from './phase-picker.module.css';
import { timerMessages } from '../messages';

const phases: SessionType[] = ['work', 'break', 'long_break'];

interface PhasePickerProps {
  value: SessionType;
  /** The phase the room would start by itself (marked as next). */
  next: SessionType;
  onChange: (phase: SessionType) => void;
  disabled: boolean;
  /** The id of the text saying why it is disabled. */
  describedBy: string | undefined;
}

/** Which phase the start button starts: the next one unless the person picks another. */
export function PhasePicker({ value, next, onChange, disabled, describedBy }: PhasePickerProps) {
  const t = useT(timerMessages);
  const name = useId();
  return (
    <fieldset className={styles.picker} disabled={disabled} aria-describedby={describedBy}>
      <legend className="visually-hidden">{t('timer.choosePhase')}</legend>
      {phases.map((phase) => (
        <label
          key={phase}
          className={cx(styles.picker__option, phase === next && styles['picker__option--next'])}
        >
          <input
            type="radio"
            name={name}
            className={styles.picker__input}
            value={phase}
            checked={value === phase}
            onChange={() => onChange(phase)}
          />
          <span>{t(`phase.${phase}`)}</span>
          {phase === next && (
            <>
              {' '}
              <span className="visually-hidden">({t('timer.nextPhase')})</span>
            </>
          )}
        </label>
      ))}
    </fieldset>
  );
}
