import { SegmentedControl } from '@/components/segmented-control';
import { useT } from '@/lib/i18n/translate';
import type { SessionType } from '@/types/api';

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
  const options = phases.map((phase) => ({
    value: phase,
    label: t(`phase.${phase}`),
    marked: phase === next,
  }));
  return (
    <SegmentedControl
      legend={t('timer.choosePhase')}
      options={options}
      value={value}
      onChange={onChange}
      markLabel={t('timer.nextPhase')}
      disabled={disabled}
      describedBy={describedBy}
    />
  );
}
