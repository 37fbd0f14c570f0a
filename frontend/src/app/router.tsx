import { createBrowserRouter } from 'react-router-dom';

import { Layout } from './layout';
import { RouteError } from './routes/route-error';

// One chunk per page: the home page never downloads the room's code (SignalR included).
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: '/', lazy: () => import('./routes/home') },
          { path: '/room/:roomId', lazy: () => import('./routes/room') },
          { path: '*', lazy: () => import('./routes/not-found') },
        ],
      },
    ],
  },
]);
