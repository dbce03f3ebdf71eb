import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../api';
import { AccountMenu } from './AccountMenu';

function user(role: User['role']): User {
  return {
    id: '77777777-7777-4777-8777-777777777777',
    email: 'mehmet@example.com',
    name: 'Mehmet',
    role,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };
}

/** The names of the links in `list`, in order. */
const links = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((a) => a.textContent);

async function open(role: User['role']) {
  render(
    <MemoryRouter>
      <AccountMenu user={user(role)} onSignOut={() => {}} />
    </MemoryRouter>,
  );
  await userEvent.setup().click(screen.getByRole('button', { name: 'Account: Mehmet' }));
}

describe('account menu', () => {
  it('puts the staff pages under "Staff", apart from the developer pages', async () => {
    await open('admin');
    const staff = screen.getByRole('list', { name: 'Staff' });
    expect(links(staff)).toEqual(['Inbox', 'My listings', 'People and roles']);
    const developers = screen.getByRole('list', { name: 'Developers' });
    expect(links(developers)).toEqual(['API keys', 'Webhooks']);
  });

  it('shows an agent the inbox only', async () => {
    await open('agent');
    const staff = screen.getByRole('list', { name: 'Staff' });
    expect(links(staff)).toEqual(['Inbox', 'My listings']);
  });

  it('has no staff heading for everyone else', async () => {
    await open('user');
    expect(screen.queryByText('Staff')).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Developers' })).toBeInTheDocument();
  });

  it('cuts a long email with an ellipsis, whole in its title, never broken mid-word', async () => {
    await open('user');
    const email = screen.getByTitle('mehmet@example.com');
    expect(email).toHaveTextContent(/^mehmet@example\.com$/);
    expect(email).toHaveClass('account-email');
    expect(email.parentElement).toHaveTextContent('Signed in as mehmet@example.com');
  });
});
