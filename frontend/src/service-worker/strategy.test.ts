import { describe, expect, it } from 'vitest';

import { strategyFor } from './strategy';

const origin = 'https://focus.example';
const shell = ['/offline.html', '/theme.js', '/assets/index-abc.js'];
const get = (path: string, mode: RequestMode = 'no-cors') => ({
  url: `${origin}${path}`,
  method: 'GET',
  mode,
});

describe('what the service worker answers', () => {
  it('never the API, the hub, health, Swagger or the test hooks', () => {
    for (const path of [
      '/api/v1/rooms/x',
      '/hubs/room?access_token=t',
      '/health/ready',
      '/swagger/index.html',
      '/_test/clock',
    ]) {
      expect(strategyFor(get(path, 'cors'), origin, shell), path).toBe('network');
    }
  });

  it('nothing but GET, and nothing from another origin', () => {
    expect(strategyFor({ ...get('/assets/a.js'), method: 'POST' }, origin, shell)).toBe('network');
    expect(strategyFor({ url: 'https://cdn.example/x.js', method: 'GET', mode: 'cors' }, origin, shell)).toBe(
      'network',
    );
  });

  it('pages from the network, with the offline page to fall back on', () => {
    expect(strategyFor(get('/room/123', 'navigate'), origin, shell)).toBe('page');
    expect(strategyFor(get('/', 'navigate'), origin, shell)).toBe('page');
  });

  it('built assets from the cache once fetched, and the shell from the cache', () => {
    expect(strategyFor(get('/assets/room-xyz.js'), origin, shell)).toBe('asset');
    expect(strategyFor(get('/theme.js'), origin, shell)).toBe('shell');
    expect(strategyFor(get('/theme.js?v=2'), origin, shell)).toBe('network');
    expect(strategyFor(get('/robots.txt'), origin, shell)).toBe('network');
  });
});
