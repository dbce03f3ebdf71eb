import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, parsePath, Route, Routes, useLocation } from 'react-router';
import { ApiProvider } from '../src/api';
import { AuthProvider } from '../src/features/auth/AuthProvider';
import { memoryStorage, TokenStore } from '../src/features/auth/tokens';
import type { FakeParley } from './fake-parley';

/** Any other page: says where the app went, and with what location state. */
function Elsewhere() {
  const location = useLocation();
  return (
    <>
      <p>Elsewhere</p>
      <output aria-label="Went to">{location.pathname}</output>
      <output aria-label="With state">{JSON.stringify(location.state)}</output>
    </>
  );
}

/**
 * Renders `element` at `route` (matched by `path`, with location `state`) with the real
 * SDK client of a fake server. Anywhere else renders "Elsewhere".
 */
export function renderWithParley(
  fake: FakeParley,
  element: ReactElement,
  { route = '/', path = '*', state }: { route?: string; path?: string; state?: unknown } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <ApiProvider client={fake.client} queryClient={queryClient}>
      <MemoryRouter initialEntries={[{ ...parsePath(route), state }]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<Elsewhere />} />
        </Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
}

/**
 * As `renderWithParley`, signed in as Ayla: a stored access token, and the fake's
 * `auth.me` answering who it is.
 */
export function renderSignedIn(
  fake: FakeParley,
  element: ReactElement,
  options?: Parameters<typeof renderWithParley>[2],
) {
  const tokens = new TokenStore(memoryStorage());
  tokens.set({
    accessToken: 'jwt',
    refreshToken: '',
    accessTokenExpiresAt: new Date(Date.now() + 900_000),
  });
  fake.on('auth.me', () => ({
    id: '33333333-3333-4333-8333-333333333333',
    email: 'ayla@example.com',
    name: 'Ayla',
    role: 'user',
    createdAt: new Date(),
    apiKey: null,
  }));
  return renderWithParley(
    fake,
    <AuthProvider tokens={tokens} onCredentialsChanged={() => {}}>
      {element}
    </AuthProvider>,
    options,
  );
}
