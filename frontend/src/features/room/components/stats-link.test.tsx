import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { StatsLink } from './stats-link';

describe('StatsLink', () => {
  it('leads from the room to its statistics page', () => {
    render(
      <MemoryRouter>
        <StatsLink roomId="room-1" />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Statistics and history of this room' });
    expect(link).toHaveAttribute('href', '/room/room-1/stats');
    expect(link).toHaveTextContent('Statistics');
  });
});
