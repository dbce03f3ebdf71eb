import { QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider, createWebClient, type ParleyClient } from '../api';
import { AuthProvider } from '../features/auth/AuthProvider';
import { TokenStore } from '../features/auth/tokens';
import { retryTransient } from '../lib/errors';
import { AppRoutes } from './routes';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a refused call (forbidden, not found, bad input...) changes nothing;
        // a network failure or a 5xx may pass.
        retry: retryTransient,
      },
    },
  });
}

interface Services {
  tokens: TokenStore;
  client: ParleyClient;
  queryClient: QueryClient;
}

function makeServices(): Services {
  const tokens = new TokenStore(window.localStorage);
  // No credential yet: AuthProvider exchanges the refresh cookie first, then hands
  // the pair over with setTokens. Later refreshes are the SDK's; it reports each new pair.
  const client = createWebClient({ onTokens: (pair) => tokens.set(pair) });
  return { tokens, client, queryClient: makeQueryClient() };
}

/** Wires the token store, the SDK client, React Query and the router. */
export function App() {
  const [{ tokens, client, queryClient }] = useState(makeServices);
  const handOver = useCallback(
    () => client.setTokens(tokens.accessToken ? { accessToken: tokens.accessToken } : null),
    [client, tokens],
  );
  return (
    <ApiProvider client={client} queryClient={queryClient}>
      <AuthProvider tokens={tokens} onCredentialsChanged={handOver}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </ApiProvider>
  );
}
