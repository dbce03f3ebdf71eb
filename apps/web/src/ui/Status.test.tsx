import { ParleyError } from '@parley/sdk';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from './Status';

describe('error notice', () => {
  it('offers Try again for what may pass on a second try', () => {
    const retry = vi.fn();
    render(
      <MemoryRouter>
        <ErrorNotice
          error={new ParleyError('down', { code: 'SERVICE_UNAVAILABLE' })}
          onRetry={retry}
        />
      </MemoryRouter>,
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('offers Sign in, not a useless retry, when the sign-in expired or was revoked', () => {
    render(
      <MemoryRouter initialEntries={['/chat/abc']}>
        <ErrorNotice
          error={new ParleyError('Session revoked', { code: 'UNAUTHORIZED', httpStatus: 401 })}
          title="Live updates stopped"
          onRetry={() => {}}
        />
      </MemoryRouter>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your sign-in has expired. Please sign in again.');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
