import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { startTestI18n } from '../../../test/i18n';
import { renderSignedIn, renderWithParley } from '../../../test/render';
import type { User } from '../../api';
import { AdminUsersPage } from './AdminUsersPage';

let fake: FakeParley;
let people: User[];

function person(id: string, name: string, role: User['role']): User {
  return { id, name, role, email: `${name.toLowerCase()}@example.com`, createdAt: new Date() };
}

beforeEach(() => {
  fake = createFakeParley();
  people = [
    person('11111111-1111-4111-8111-111111111111', 'Mehmet', 'admin'),
    person('22222222-2222-4222-8222-222222222222', 'Elif', 'user'),
  ];
  fake.on('admin.users.list', () => ({ items: people, nextCursor: null }));
  fake.on('admin.users.setRole', (input: { userId: string; role: User['role'] }) => {
    const saved = { ...people.find((p) => p.id === input.userId)!, role: input.role };
    people = people.map((p) => (p.id === saved.id ? saved : p));
    return saved;
  });
});

const setRoleCalls = () => fake.calls.filter((c) => c.path === 'admin.users.setRole');

function row(name: string) {
  return screen.getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

describe('people and roles', () => {
  it('has column headers', async () => {
    renderWithParley(fake, <AdminUsersPage />);
    await screen.findByRole('combobox', { name: 'Role of Elif' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'Email',
      'Role',
    ]);
  });

  it('says "Saved" beside the role once the server has it', async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <AdminUsersPage />);
    const select = await screen.findByRole('combobox', { name: 'Role of Elif' });
    await u.selectOptions(select, 'agent');
    await waitFor(() => expect(within(row('Elif')).getByRole('status')).toHaveTextContent('Saved'));
    expect(select).toHaveValue('agent');
    expect(within(row('Mehmet')).getByRole('status')).toBeEmptyDOMElement();
    expect(setRoleCalls().map((c) => c.input)).toEqual([
      { userId: '22222222-2222-4222-8222-222222222222', role: 'agent' },
    ]);
  });

  it('says so in the row when the server refuses', async () => {
    fake.on('admin.users.setRole', () => {
      throw new FakeError(
        'PRECONDITION_FAILED',
        'the last admin cannot be demoted: make someone else admin first',
      );
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const u = userEvent.setup();
    renderWithParley(fake, <AdminUsersPage />);
    await u.selectOptions(await screen.findByRole('combobox', { name: 'Role of Mehmet' }), 'user');
    await waitFor(() =>
      expect(within(row('Mehmet')).getByRole('status')).toHaveTextContent(
        'Could not change the role: the last admin cannot lose admin rights. Make someone else an admin first.',
      ),
    );
    expect(screen.getByRole('combobox', { name: 'Role of Mehmet' })).toHaveValue('admin');
  });

  it('asks before taking admin rights away, and keeps them when told no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const u = userEvent.setup();
    renderWithParley(fake, <AdminUsersPage />);
    const select = await screen.findByRole('combobox', { name: 'Role of Mehmet' });
    await u.selectOptions(select, 'agent');
    expect(confirm).toHaveBeenCalledWith(
      'Take admin rights away from Mehmet? They will no longer be able to change roles.',
    );
    expect(select).toHaveValue('admin');
    expect(setRoleCalls()).toEqual([]);

    confirm.mockReturnValue(true);
    await u.selectOptions(select, 'agent');
    await waitFor(() =>
      expect(within(row('Mehmet')).getByRole('status')).toHaveTextContent('Saved'),
    );
    expect(setRoleCalls()).toHaveLength(1);
  });

  it('does not ask when nobody loses admin rights', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    const u = userEvent.setup();
    renderWithParley(fake, <AdminUsersPage />);
    await u.selectOptions(await screen.findByRole('combobox', { name: 'Role of Elif' }), 'admin');
    await waitFor(() => expect(within(row('Elif')).getByRole('status')).toHaveTextContent('Saved'));
    expect(confirm).not.toHaveBeenCalled();
  });
});

describe('people and roles: saying why, and what was found', () => {
  it("explains, in the page's language, why you stay admin when you are the last one", async () => {
    await startTestI18n('tr');
    // Signed in as Ayla, the only admin.
    people = [person('33333333-3333-4333-8333-333333333333', 'Ayla', 'admin'), ...people.slice(1)];
    fake.on('admin.users.setRole', () => {
      throw new FakeError(
        'PRECONDITION_FAILED',
        'the last admin cannot be demoted: make someone else admin first',
      );
    });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const u = userEvent.setup();
    renderSignedIn(fake, <AdminUsersPage />);
    const select = await screen.findByRole('combobox', { name: 'Ayla rolü' });
    await u.selectOptions(select, 'user');
    await waitFor(() =>
      expect(within(row('Ayla')).getByRole('status')).toHaveTextContent(
        'Rol değiştirilemedi: tek yönetici sizsiniz, bu yüzden yönetici yetkinizi bırakamazsınız.',
      ),
    );
    expect(within(row('Ayla')).getByRole('status')).not.toHaveTextContent('last admin');
    expect(select).toHaveValue('admin');
  });

  it('says "No one matches" for a search that finds nobody', async () => {
    fake.on('admin.users.list', (input: { search?: string }) => ({
      items: input.search ? [] : people,
      nextCursor: null,
    }));
    const u = userEvent.setup();
    renderWithParley(fake, <AdminUsersPage />);
    await screen.findByRole('combobox', { name: 'Role of Elif' });
    await u.type(screen.getByRole('searchbox'), 'zzz');
    expect(await screen.findByText('No one matches “zzz”.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
