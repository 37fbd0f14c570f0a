import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { pageCode, PageCodeUnavailable } from './page-code';
import { RouteError } from './routes/route-error';

describe('a page whose code cannot be fetched', () => {
  it('fails as PageCodeUnavailable whether its script or its stylesheet failed', async () => {
    await expect(pageCode(() => Promise.reject(new TypeError('Failed to fetch')))()).rejects.toBeInstanceOf(
      PageCodeUnavailable,
    );
    await expect(
      pageCode(() => Promise.reject(new Error('Unable to preload CSS for /assets/room.css')))(),
    ).rejects.toBeInstanceOf(PageCodeUnavailable);
    await expect(pageCode(() => Promise.resolve('page'))()).resolves.toBe('page');
  });

  it('shows the unreachable page, not the generic error', async () => {
    const router = createMemoryRouter([
      {
        path: '/',
        errorElement: <RouteError />,
        lazy: pageCode(() => Promise.reject(new Error('Unable to preload CSS for /assets/room.css'))),
      },
    ]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'FocusMate is not reachable' })).toBeInTheDocument();
  });
});
