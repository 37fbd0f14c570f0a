import type { ReactNode } from 'react';

import styles from './status-page.module.css';

interface StatusPageProps {
  title: string;
  body: string;
  icon?: ReactNode;
  children?: ReactNode;
  /** For pages that wait on something (reconnecting), so screen readers hear when it changes. */
  live?: boolean;
}

/** A full page saying what happened and what to do next (room gone, full, server unreachable…). */
export function StatusPage({ title, body, icon, children, live }: StatusPageProps) {
  return (
    <section
      className={styles['status-page']}
      aria-live={live ? 'polite' : undefined}
      aria-labelledby="status-page-title"
    >
      {icon && (
        <div className={styles['status-page__icon']} aria-hidden="true">
          {icon}
        </div>
      )}
      <h1 id="status-page-title" className={styles['status-page__title']}>
        {title}
      </h1>
      <p className={styles['status-page__body']}>{body}</p>
      {children && <div className={styles['status-page__actions']}>{children}</div>}
    </section>
  );
}
