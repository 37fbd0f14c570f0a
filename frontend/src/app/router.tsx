import { createBrowserRouter } from 'react-router-dom';

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
