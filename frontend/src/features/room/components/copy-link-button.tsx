import { useEffect, useState } from 'react';

import { Button } from '@/components/button';
import { LinkIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';

import { roomPath } from '../lib/room-link';
import { roomMessages } from '../messages';

interface CopyLinkButtonProps {
  roomId: string;
}

/** Copies this page's own origin + path, so the link works behind any proxy the browser went through. */
export function CopyLinkButton({ roomId }: CopyLinkButtonProps) {
  const t = useT(roomMessages);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const handle = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(handle);
  }, [copied]);

  const copy = async () => {
    const link = `${window.location.origin}${roomPath(roomId)}`;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      window.prompt(t('room.copyLinkLabel'), link);
    }
    setCopied(true);
  };

  return (
    <Button variant="secondary" onClick={() => void copy()} aria-label={t('room.copyLinkLabel')}>
      <LinkIcon />
      <span aria-live="polite">{copied ? t('room.copied') : t('room.copyLink')}</span>
    </Button>
  );
}
