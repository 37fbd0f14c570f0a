import { afterEach, describe, expect, it, vi } from 'vitest';

import { registerServiceWorker, reportShownPage } from './service-worker';

function container() {
  const register = vi.fn(() => Promise.resolve({}));
  return { register, worker: { register } as unknown as ServiceWorkerContainer };
}

describe('registerServiceWorker', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('registers /sw.js for the whole site in the built app', () => {
    vi.stubEnv('PROD', true);
    const { register, worker } = container();
    registerServiceWorker(worker);
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
  });

  it('does nothing in development, nor without service workers', () => {
    vi.stubEnv('PROD', false);
    const { register, worker } = container();
    registerServiceWorker(worker);
    expect(register).not.toHaveBeenCalled();
    vi.stubEnv('PROD', true);
    expect(() => registerServiceWorker(undefined)).not.toThrow();
  });
});

describe('reportShownPage', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells the active worker which page the window shows', async () => {
    vi.stubEnv('PROD', true);
    const postMessage = vi.fn();
    const worker = {
      ready: Promise.resolve({ active: { postMessage } }),
    } as unknown as ServiceWorkerContainer;
    reportShownPage(worker, 'https://focus.example/room/abc');
    await worker.ready;
    await Promise.resolve();
    expect(postMessage).toHaveBeenCalledWith({
      type: 'focusmate:shown-page',
      url: 'https://focus.example/room/abc',
    });
  });
});
