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
