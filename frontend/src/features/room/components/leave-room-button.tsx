import { useState } from 'react';

import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LeaveIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { roomMessages } from '../messages';

interface LeaveRoomButtonProps {
  onLeave: () => void;
}

export function LeaveRoomButton({ onLeave }: LeaveRoomButtonProps) {
  const t = useT(roomMessages);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={t('room.leaveLabel')}>
        <LeaveIcon />
        <span>{t('room.leave')}</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('room.leave.title')}
        description={t('room.leave.body')}
        confirmLabel={t('room.leave')}
        onConfirm={onLeave}
      />
    </>
  );
}
