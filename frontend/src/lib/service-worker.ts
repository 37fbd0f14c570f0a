// Registers /sw.js (built from src/service-worker): the app becomes installable, keeps its built files,
// shows an offline page when the network is down, and can receive Web Push notifications. Only in the
// built app: in development Vite serves modules that the worker must not keep.
export function registerServiceWorker(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
): void {
  if (!import.meta.env.PROD || !container) return;
  const register = () => {
    container.register('/sw.js', { scope: '/' }).catch(() => {
      // No service worker (private mode, an old browser): the app works as before, without offline.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** The message that tells the service worker which page this window shows (see reportShownPage). */
export const shownPageMessage = 'focusmate:shown-page';

/**
 * Tells the service worker which page this window shows now. The app moves between pages without loading
 * one (history.pushState), which a worker's view of its windows (`Client.url`) does not follow; the worker
 * needs it to leave out the notification of a room whose page is in front, and to bring that page forward.
 */
export function reportShownPage(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
  url: string = location.href,
): void {
  if (!import.meta.env.PROD || !container) return;
  void container.ready.then((registration) =>
    registration.active?.postMessage({ type: shownPageMessage, url }),
  );
}
