import { SegmentedControl } from '@/components/segmented-control';
import { useT } from '@/lib/i18n/translate';
import type { StatisticsPeriod } from '@/types/api';

import { statsMessages } from '../messages';

const periods: StatisticsPeriod[] = ['today', 'week', 'month'];

interface PeriodPickerProps {
  value: StatisticsPeriod;
  onChange: (period: StatisticsPeriod) => void;
}

export function PeriodPicker({ value, onChange }: PeriodPickerProps) {
  const t = useT(statsMessages);
  const options = periods.map((period) => ({ value: period, label: t(`stats.period.${period}`) }));
  return <SegmentedControl legend={t('stats.period')} options={options} value={value} onChange={onChange} />;
}
