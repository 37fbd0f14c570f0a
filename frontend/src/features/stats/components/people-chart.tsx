import { useId } from 'react';

import { useT } from '@/lib/i18n/translate';
import type { PersonFocus } from '@/types/api';

import styles from './people-chart.module.css';
import { formatDuration, scaleTop, toMinutes } from '../lib/format';
import { statsMessages } from '../messages';

/**
 * Focus per person, most first: names and times are text, each bar (hidden from screen readers) only
 * draws the time beside it.
 */
export function PeopleChart({ people }: { people: readonly PersonFocus[] }) {
  const t = useT(statsMessages);
  const titleId = useId();
  const sorted = [...people].sort((a, b) => b.focus_seconds - a.focus_seconds);
  const top = scaleTop(Math.max(0, ...sorted.map((person) => toMinutes(person.focus_seconds))));
  return (
    <section className={styles.people} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.people__title}>
        {t('stats.byPerson')}
      </h2>
      <ol className={styles.people__list}>
        {sorted.map((person) => (
          <li key={person.participant_id} className={styles.person}>
            <span className={styles.person__name}>{person.user_name}</span>
            <span className={styles.person__track} aria-hidden="true">
              <span
                className={styles.person__bar}
                style={{ width: `${(toMinutes(person.focus_seconds) / top) * 100}%` }}
              />
            </span>
            <span className={styles.person__time}>{formatDuration(person.focus_seconds, t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
