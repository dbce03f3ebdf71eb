import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { renderWithParley } from '../../../test/render';
import { KeysPage } from './KeysPage';

let fake: FakeParley;
const keyId = '44444444-4444-4444-8444-444444444444';

beforeEach(() => {
  fake = createFakeParley();
  let items: unknown[] = [];
  fake.on('auth.apiKeys.list', () => ({ items }));
  fake.on('auth.apiKeys.create', (input: { name: string; scopes: string[] }) => {
    const created = { id: keyId, ...input, createdAt: new Date() };
    items = [{ ...created, lastUsedAt: null }];
    return { ...created, key: 'pk_live_secret' };
  });
  fake.on('auth.apiKeys.revoke', () => {
    items = [];
    return { ok: true };
  });
});

describe('API keys page', () => {
  it('creates a key, shows it once with a copy button, lists it, and revokes it', async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <KeysPage />);
    expect(await screen.findByText('No keys yet.')).toBeInTheDocument();
    await u.type(screen.getByLabelText('Key name'), 'Widget');
    await u.click(screen.getByRole('checkbox', { name: /Start chat sessions/ }));
    await u.click(screen.getByRole('button', { name: 'Create key' }));

    const value = await screen.findByRole('textbox', { name: 'New API key' });
    expect(value).toHaveValue('pk_live_secret');
    expect(fake.calls.find((c) => c.path === 'auth.apiKeys.create')?.input).toEqual({
      name: 'Widget',
      scopes: ['listings:read', 'sessions:write'],
    });
    await u.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('pk_live_secret');
    expect(screen.getByText('Copied to the clipboard.')).toBeInTheDocument();

    const row = await screen.findByRole('listitem', { name: 'Widget' });
    expect(within(row).getByRole('list', { name: 'Scopes' })).toHaveTextContent(
      'listings:readsessions:write',
    );
    expect(row).toHaveTextContent('Never used');

    await u.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'New API key' })).not.toBeInTheDocument();

    await u.click(within(row).getByRole('button', { name: 'Revoke Widget' }));
    await u.click(within(row).getByRole('button', { name: 'Confirm revoke' }));
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Widget' })).not.toBeInTheDocument(),
    );
    expect(fake.calls.find((c) => c.path === 'auth.apiKeys.revoke')?.input).toEqual({ id: keyId });
  });

  it('asks for a scope when none is chosen', async () => {
    const { FakeError } = await import('../../../test/fake-parley');
    fake.on('auth.apiKeys.create', () => {
      throw new FakeError('BAD_REQUEST', 'scopes: too small', {
        fieldErrors: { scopes: ['Too small'] },
      });
    });
    const u = userEvent.setup();
    renderWithParley(fake, <KeysPage />);
    await u.type(screen.getByLabelText('Key name'), 'Widget');
    await u.click(screen.getByRole('checkbox', { name: /Read listings/ }));
    await u.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Choose at least one scope.')).toBeInTheDocument();
  });

  it('says an empty name once, not once per check it failed', async () => {
    const { FakeError } = await import('../../../test/fake-parley');
    fake.on('auth.apiKeys.create', () => {
      throw new FakeError('BAD_REQUEST', 'name: is required', {
        fieldErrors: { name: ['is required', 'must not be blank'] },
      });
    });
    const u = userEvent.setup();
    renderWithParley(fake, <KeysPage />);
    await u.click(screen.getByRole('button', { name: 'Create key' }));
    const name = screen.getByLabelText('Key name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    const error = document.getElementById(
      name.getAttribute('aria-describedby')!.split(' ').at(-1)!,
    );
    expect(error).toHaveTextContent(/^Key name is required$/);
  });
});
