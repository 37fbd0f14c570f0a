// The names of the phases, shared by the timer and the statistics.
import { defineMessages } from '@/lib/i18n/translate';

export const phaseMessages = defineMessages(
  {
    'phase.work': 'Focus',
    'phase.break': 'Short break',
    'phase.long_break': 'Long break',
  },
  {
    'phase.work': '집중',
    'phase.break': '짧은 휴식',
    'phase.long_break': '긴 휴식',
  },
);
