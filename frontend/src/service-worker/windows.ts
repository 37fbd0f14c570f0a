// A click on a notification: the tab already showing its page comes to the front; else a new one opens.

export interface WindowLike {
  url: string;
  focused?: boolean;
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
