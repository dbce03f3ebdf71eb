import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { ErrorNotice, Loading } from '../ui/Status';

/**
 * A chunk that failed to download (the server restarting, a flaky network) is asked for
 * again a few times before the page gives up: otherwise one dropped request would
 * blank the whole app.
 */
export async function withRetries<T>(
  load: () => Promise<T>,
  delaysMs: readonly number[] = [300, 1_000, 3_000],
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Shows a page whose chunk could not be loaded as an error with a reload, not a blank app. */
class ChunkBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: undefined as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <ErrorNotice error={this.state.error} onRetry={() => window.location.reload()} />;
  }
}

/**
 * Each page is its own chunk, loaded when its route is first shown: a visitor of the
 * landing page does not download the chat, the listings or the key management.
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  delaysMs?: readonly number[],
): ComponentType {
  const Lazy = lazy<ComponentType>(() =>
    withRetries(load, delaysMs).then((module) => ({ default: module[name] })),
  );
  return function Page() {
    return (
      <ChunkBoundary>
        <Suspense fallback={<Loading />}>
          <Lazy />
        </Suspense>
      </ChunkBoundary>
    );
  };
}
