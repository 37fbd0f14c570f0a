// A click on a notification: the tab already showing its page comes to the front; else a new one opens.

export interface WindowLike {
  url: string;
  focused?: boolean;
  visibilityState?: DocumentVisibilityState;
}

/** The open window showing `url` (the focused one first), if any. */
export function windowShowing<W extends WindowLike>(windows: readonly W[], url: string): W | undefined {
  const showing = windows.filter((window) => sameAddress(window.url, url));
  return showing.find((window) => window.focused) ?? showing[0];
}

/** The same page: origin and path match (a query or fragment added since does not matter). */
function sameAddress(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.origin === y.origin && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '');
}

/**
 * Whether a page showing `url` is in front of the person now: then it tells of the phase end itself (banner,
 * chime), and a notification would only say it twice. Browsers let a push go without one while a page of
 * the site is visible.
 */
export function shownInFront(windows: readonly WindowLike[], url: string): boolean {
  return windows.some((window) => window.visibilityState === 'visible' && sameAddress(window.url, url));
}

/** The page a window says it shows (a `focusmate:shown-page` message), if it is a page of this app. */
export function shownPageOf(message: unknown, origin: string): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, url } = message as { type?: unknown; url?: unknown };
  if (type !== 'focusmate:shown-page' || typeof url !== 'string') return undefined;
  try {
    return new URL(url).origin === origin ? url : undefined;
  } catch {
    return undefined;
  }
}
