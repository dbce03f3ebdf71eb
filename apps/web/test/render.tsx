import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, parsePath, Route, Routes, useLocation } from 'react-router';
import { ApiProvider } from '../src/api';
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
