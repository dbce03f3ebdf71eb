import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { startTestI18n } from '../../../test/i18n';
import { AccountMenu } from '../../app/AccountMenu';

const person = {
  id: '77777777-7777-4777-8777-777777777777',
  email: 'mehmet@example.com',
  name: 'Mehmet',
  role: 'user' as const,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

async function openMenu() {
  render(
    <MemoryRouter>
      <AccountMenu user={person} onSignOut={() => {}} />
    </MemoryRouter>,
  );
  await userEvent.setup().click(screen.getByRole('button', { name: /Mehmet/ }));
}

describe('saved searches and alerts in the account menu', () => {
  it('links both pages, not only the bell', async () => {
    await openMenu();
    const yours = screen.getByRole('list', { name: 'Yours' });
    expect(within(yours).getByRole('link', { name: 'Saved searches' })).toHaveAttribute(
      'href',
      '/searches',
    );
    expect(within(yours).getByRole('link', { name: 'Alerts' })).toHaveAttribute('href', '/alerts');
  });

  it('names them in Turkish', async () => {
    await startTestI18n('tr');
    await openMenu();
    const yours = screen.getByRole('list', { name: 'Sizin' });
    expect(
      within(yours)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Kayıtlı aramalar', 'Bildirimler']);
  });
});
