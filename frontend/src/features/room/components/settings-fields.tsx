import { SwitchField } from '@/components/switch-field';
import { TextField } from '@/components/text-field';
import { useT } from '@/lib/i18n/translate';

import { settingRanges, type BooleanSetting, type NumberSetting, type SettingsDraft } from '../lib/room-form';
import { roomMessages, type RoomMessageKey } from '../messages';
import styles from './settings-fields.module.css';

export type FieldErrors = Partial<Record<string, string>>;

interface SettingsFieldsProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  onChange: (draft: SettingsDraft) => void;
}

const durationFields: [NumberSetting, RoomMessageKey][] = [
  ['work_duration_minutes', 'home.create.work'],
  ['break_duration_minutes', 'home.create.break'],
  ['long_break_duration_minutes', 'home.create.longBreak'],
];

const switches: [BooleanSetting, RoomMessageKey, RoomMessageKey?][] = [
  ['auto_start_break', 'home.create.autoStartBreak'],
  ['auto_start_work', 'home.create.autoStartWork'],
  ['allow_all_control', 'home.create.allowAllControl', 'home.create.allowAllControlHint'],
];

/** The room's settings, shared by the create form and the host's settings dialog. */
export function SettingsFields({ draft, errors, onChange }: SettingsFieldsProps) {
  const t = useT(roomMessages);
  const numberField = (field: NumberSetting, label: string, hint?: string) => (
    <TextField
      key={field}
      name={field}
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={settingRanges[field].min}
      max={settingRanges[field].max}
      step={1}
      required
      value={draft[field]}
      error={errors[field]}
      onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
    />
  );

  return (
    <>
      <fieldset className={styles.fieldset}>
        <legend className={styles.fieldset__legend}>{t('home.create.durations')}</legend>
        <div className={styles['field-grid']}>
          {durationFields.map(([field, label]) => numberField(field, t(label)))}
        </div>
      </fieldset>
      <div className={styles['switch-list']}>
        {switches.map(([field, label, hint]) => (
          <SwitchField
            key={field}
            label={t(label)}
            hint={hint && t(hint)}
            checked={draft[field]}
            onCheckedChange={(checked) => onChange({ ...draft, [field]: checked })}
          />
        ))}
      </div>
      <div className={styles['field-grid']}>
        {numberField('long_break_interval', t('home.create.interval'), t('home.create.intervalHint'))}
        {numberField('max_participants', t('home.create.maxParticipants'))}
      </div>
    </>
  );
}
