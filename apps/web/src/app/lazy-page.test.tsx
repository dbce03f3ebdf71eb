import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page';

function Hello() {
  return <p>Hello page</p>;
}

describe('a page loaded on demand', () => {
  it('shows once its chunk arrives, after failed attempts', async () => {
    let calls = 0;
    const Page = lazyPage(
      async () => {
        calls += 1;
        if (calls < 3) throw new TypeError('Failed to fetch dynamically imported module');
        return { Hello };
      },
      'Hello',
      [10, 10, 10],
    );
    render(<Page />);
    expect(await screen.findByText('Hello page')).toBeInTheDocument();
    expect(calls).toBe(3);
  });

  it('shows an error with a retry when the chunk never arrives', async () => {
    const Page = lazyPage(
      async (): Promise<{ Hello: typeof Hello }> => {
        throw new TypeError('Failed to fetch dynamically imported module');
      },
      'Hello',
      [10],
    );
    render(<Page />);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
