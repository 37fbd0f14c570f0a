// Which requests the service worker answers, and how. It never touches the API, the hub, the health
// probes or Swagger: their answers are live state, not something to keep.

export type Strategy =
  /** Not ours: the browser goes to the network as if there were no service worker. */
  | 'network'
  /** A page: the network, and the offline page when the network is down. */
  | 'page'
  /** A built asset (its name carries its content's hash): from the cache once fetched. */
  | 'asset'
  /** A file of the offline shell (kept at install): from the cache. */
  | 'shell';

const live = ['/api/', '/hubs/', '/health', '/swagger', '/metrics', '/_test/'];

export interface RequestFacts {
  url: string;
  method: string;
  mode: RequestMode;
}

export function strategyFor(request: RequestFacts, origin: string, shell: readonly string[]): Strategy {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin) return 'network';
  if (live.some((prefix) => url.pathname.startsWith(prefix))) return 'network';
  if (request.mode === 'navigate') return 'page';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  if (shell.includes(url.pathname) && !url.search) return 'shell';
  return 'network';
}
