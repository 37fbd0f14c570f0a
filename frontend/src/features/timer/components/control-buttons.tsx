import { Button } from '@/components/button';
import { PauseIcon, PlayIcon, ResetIcon, SkipIcon } from '@/components/icons';
import { useT } from '@/lib/i18n/translate';
import type { SessionType } from '@/types/api';

import styles from './control-buttons.module.css';
import { timerMessages } from '../messages';

interface ControlButtonsProps {
  primary: 'start' | 'pause' | 'resume';
  /** The phase the start button starts. */
  startPhase: SessionType;
  canSkip: boolean;
  disabled: boolean;
  /** The id of the text saying why they are disabled. */
  describedBy: string | undefined;
  onPrimary: () => void;
  onReset: () => void;
  onSkip: () => void;
}

const primaryIcons = { start: <PlayIcon />, pause: <PauseIcon />, resume: <PlayIcon /> } as const;

/** Reset, the main button (start, pause or resume) and skip, with their keyboard shortcuts. */
export function ControlButtons(props: ControlButtonsProps) {
  const { primary, startPhase, canSkip, disabled, describedBy, onPrimary, onReset, onSkip } = props;
  const t = useT(timerMessages);
  const primaryLabel =
    primary === 'start' ? t('timer.startLabel', { phase: t(`phase.${startPhase}`) }) : t(`timer.${primary}`);
  const shared = { size: 'lg', disabled, 'aria-describedby': describedBy } as const;
  return (
    <div className={styles.buttons} role="group" aria-label={t('timer.controls')}>
      <Button
        {...shared}
        variant="ghost"
        className={styles.side}
        onClick={onReset}
        aria-label={t('timer.resetLabel')}
        aria-keyshortcuts="R"
      >
        <ResetIcon />
        <span className={styles.side__text}>{t('timer.reset')}</span>
      </Button>
      <Button
        {...shared}
        variant="primary"
        className={styles.primary}
        onClick={onPrimary}
        aria-label={primaryLabel}
        aria-keyshortcuts="Space"
      >
        {primaryIcons[primary]}
        <span>{t(`timer.${primary}`)}</span>
      </Button>
      <Button
        {...shared}
        variant="ghost"
        className={styles.side}
        onClick={onSkip}
        disabled={disabled || !canSkip}
        aria-label={t('timer.skipLabel')}
        aria-keyshortcuts="S"
      >
        <SkipIcon />
        <span className={styles.side__text}>{t('timer.skip')}</span>
      </Button>
    </div>
  );
}
