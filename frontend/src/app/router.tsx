import { createBrowserRouter } from 'react-router-dom';

import { reportShownPage } from '@/lib/service-worker';

import { Layout } from './layout';
import { pageCode } from './page-code';
import { RouteError } from './routes/route-error';

// One chunk per page: the home page never downloads the room's code (SignalR included).
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: '/', lazy: pageCode(() => import('./routes/home')) },
          { path: '/room/:roomId', lazy: pageCode(() => import('./routes/room')) },
          { path: '/room/:roomId/stats', lazy: pageCode(() => import('./routes/room-stats')) },
          { path: '*', lazy: pageCode(() => import('./routes/not-found')) },
        ],
      },
    ],
  },
]);

// The service worker cannot see the app's moves between pages (pushState): tell it each one.
reportShownPage();
router.subscribe(({ location: shown }) =>
  reportShownPage(undefined, new URL(shown.pathname + shown.search, location.origin).href),
);
