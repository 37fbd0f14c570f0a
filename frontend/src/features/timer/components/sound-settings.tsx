import { useId } from 'react';

import { Button } from '@/components/button';
import { PlayIcon } from '@/components/icons';
import { SegmentedControl } from '@/components/segmented-control';
import { SwitchField } from '@/components/switch-field';
import { useLanguage } from '@/lib/i18n/language';
import { useT } from '@/lib/i18n/translate';

import styles from './alerts-dialog.module.css';
import { chimeNames } from '../lib/chimes';
import { playChime } from '../lib/phase-end-alert';
import { timerMessages } from '../messages';
import { useSoundStore } from '../stores/sound-store';
import { useTimerStore } from '../stores/timer-store';

/** The phase-end sound: on or off, which of the three chimes, how loud, and a try. Remembered per browser. */
export function SoundSettings() {
  const t = useT(timerMessages);
  const language = useLanguage();
  const volumeId = useId();
  const muted = useTimerStore((s) => s.muted);
  const toggleMuted = useTimerStore((s) => s.toggleMuted);
  const { chime, volume, setChime, setVolume } = useSoundStore();
  const percent = new Intl.NumberFormat(language, { style: 'percent' }).format(volume);
  const options = chimeNames.map((name) => ({ value: name, label: t(`alerts.chime.${name}`) }));
  return (
    <section className={styles.alerts__section} aria-labelledby={`${volumeId}-title`}>
      <h3 id={`${volumeId}-title`} className={styles.alerts__heading}>
        {t('alerts.sound')}
      </h3>
      <SwitchField label={t('alerts.sound.on')} checked={!muted} onCheckedChange={toggleMuted} />
      <div className={styles.alerts__row}>
        <SegmentedControl
          legend={t('alerts.chime')}
          options={options}
          value={chime}
          onChange={setChime}
          disabled={muted}
        />
        <Button onClick={playChime} disabled={muted}>
          <PlayIcon />
          <span>{t('alerts.try')}</span>
        </Button>
      </div>
      <div className={styles.alerts__volume}>
        <label htmlFor={volumeId}>{t('alerts.volume')}</label>
        <input
          id={volumeId}
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(volume * 100)}
          onChange={(event) => setVolume(Number(event.target.value) / 100)}
          aria-valuetext={percent}
          disabled={muted}
        />
        <output htmlFor={volumeId} aria-hidden="true">
          {percent}
        </output>
      </div>
    </section>
  );
}
