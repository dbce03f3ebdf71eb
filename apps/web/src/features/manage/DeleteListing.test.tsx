import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { listing } from '../../../test/fixtures';
import { renderWithParley } from '../../../test/render';
import { DeleteListing } from './DeleteListing';

let fake: FakeParley;
const home = listing({ title: 'Harbour flat' });
beforeEach(() => {
  fake = createFakeParley();
  fake.on('listings.delete', () => ({ ok: true }));
});

describe('deleting a listing', () => {
  it('asks first, with focus on Cancel; Escape goes back to Delete, and nothing is deleted', async () => {
    const u = userEvent.setup();
    renderWithParley(fake, <DeleteListing listing={home} onDeleted={() => {}} />);
    await u.click(screen.getByRole('button', { name: 'Delete Harbour flat' }));
    expect(screen.getByRole('group', { name: 'Delete Harbour flat?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await u.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Delete Harbour flat' })).toHaveFocus();
    await u.click(screen.getByRole('button', { name: 'Delete Harbour flat' }));
    await u.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Delete Harbour flat' })).toHaveFocus();
    expect(fake.calls.filter((c) => c.path === 'listings.delete')).toHaveLength(0);
  });

  it('deletes once confirmed, and tells the page', async () => {
    const u = userEvent.setup();
    const onDeleted = vi.fn();
    renderWithParley(fake, <DeleteListing listing={home} onDeleted={onDeleted} />);
    await u.click(screen.getByRole('button', { name: 'Delete Harbour flat' }));
    await u.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledOnce());
    expect(fake.calls.find((c) => c.path === 'listings.delete')?.input).toEqual({ id: home.id });
  });
});
