import { useT } from '@/lib/i18n/translate';
import type { Participant } from '@/types/api';

import { presenceCounts, type RoomPhase } from '../lib/status';
import { participantsMessages } from '../messages';
import styles from './status-summary.module.css';

const statuses = ['focusing', 'break', 'away'] as const;

interface StatusSummaryProps {
  participants: readonly Participant[];
  phase: RoomPhase | undefined;
}

/** "4 focusing, 1 away · 1 offline": who is doing what, counting only those online in the statuses. */
export function StatusSummary({ participants, phase }: StatusSummaryProps) {
  const t = useT(participantsMessages);
  const counts = presenceCounts(participants, phase);
  const parts = statuses
    .filter((status) => counts[status] > 0)
    .map((status) => t(`presence.count.${status}`, { count: counts[status] }));
  const statusText = parts.join(t('presence.separator'));
  const offlineText = counts.offline > 0 ? t('presence.count.offline', { count: counts.offline }) : '';
  return (
    <p className={styles.participants__summary} data-testid="status-summary">
      {[statusText, offlineText].filter(Boolean).join(' · ')}
    </p>
  );
}
