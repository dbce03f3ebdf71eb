import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeParley, type FakeParley } from '../../../test/fake-parley';
import { conversation, id } from '../../../test/fixtures';
import { renderWithParley } from '../../../test/render';
import type { Conversation } from '../../api';
import { ConversationSidebar } from './ConversationSidebar';

let fake: FakeParley;
let rows: Conversation[];
/** What the server waits for before it answers an update or a delete. */
let answer: Promise<void>;

beforeEach(() => {
  fake = createFakeParley();
  answer = Promise.resolve();
  rows = Array.from({ length: 25 }, (_, i) =>
    conversation({
      id: id(),
      title: `Chat ${i + 1}`,
      lastMessageAt: new Date(Date.now() - i * 60_000),
    }),
  );
  // The server's behaviour, in small: newest first, search, archived, cursor pages of `limit`.
  fake.on(
    'conversations.list',
    (input: { cursor?: string; limit: number; search?: string; archived?: boolean }) => {
      const matching = rows.filter(
        (c) =>
          c.archived === (input.archived ?? false) &&
          (!input.search || c.title?.toLowerCase().includes(input.search.toLowerCase())),
      );
      const start = input.cursor ? Number(input.cursor) : 0;
      const items = matching.slice(start, start + input.limit);
      return {
        items,
        nextCursor: start + input.limit < matching.length ? String(start + input.limit) : null,
      };
    },
  );
  fake.on(
    'conversations.update',
    async (input: { id: string; title?: string; archived?: boolean }) => {
      await answer;
      const row = rows.find((c) => c.id === input.id)!;
      Object.assign(
        row,
        input.title ? { title: input.title } : {},
        input.archived !== undefined ? { archived: input.archived } : {},
      );
      return row;
    },
  );
  fake.on('conversations.delete', async (input: { id: string }) => {
    await answer;
    rows = rows.filter((c) => c.id !== input.id);
    return { ok: true };
  });
});

/** Holds the server's answers to updates and deletes until the returned function is called. */
function holdAnswers(): () => void {
  let release = () => {};
  answer = new Promise((resolve) => {
    release = resolve;
  });
  return release;
}

function renderSidebar(onDeleted = vi.fn()) {
  renderWithParley(
    fake,
    <ConversationSidebar
      activeId={undefined}
      onNewChat={() => {}}
      startingNew={false}
      onDeleted={onDeleted}
    />,
  );
  const list = () => within(screen.getByRole('complementary', { name: 'Conversations' }));
  const titles = () =>
    list()
      .getAllByRole('link')
      .map((a) => a.querySelector('.conversation-title')?.textContent);
  return { list, titles, onDeleted };
}

describe('conversation sidebar', () => {
  it('lists newest first and loads the next page by cursor', async () => {
    const u = userEvent.setup();
    const { titles } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));
    expect(titles()[0]).toBe('Chat 1');
    await u.click(screen.getByRole('button', { name: 'Load more conversations' }));
    await waitFor(() => expect(titles()).toHaveLength(25));
    expect(
      screen.queryByRole('button', { name: 'Load more conversations' }),
    ).not.toBeInTheDocument();
    expect(fake.calls.filter((c) => c.path === 'conversations.list').at(-1)?.input).toMatchObject({
      cursor: '20',
    });
  });

  it('searches', async () => {
    const u = userEvent.setup();
    const { titles } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));
    await u.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'Chat 2');
    await waitFor(() =>
      expect(titles()).toEqual([
        'Chat 2',
        'Chat 20',
        'Chat 21',
        'Chat 22',
        'Chat 23',
        'Chat 24',
        'Chat 25',
      ]),
    );
  });

  it('after a delete, focus goes to the next conversation, or to New chat when none is left', async () => {
    rows = rows.slice(0, 2);
    const u = userEvent.setup();
    const { titles } = renderSidebar();
    await waitFor(() => expect(titles()).toEqual(['Chat 1', 'Chat 2']));
    screen.getByRole('button', { name: 'Delete Chat 1' }).focus();
    await u.keyboard('{Enter}');
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Chat 1?' });
    within(confirm).getByRole('button', { name: 'Delete' }).focus();
    await u.keyboard('{Enter}');
    await waitFor(() => expect(titles()).toEqual(['Chat 2']));
    await waitFor(() => expect(screen.getByRole('link', { name: /Chat 2/ })).toHaveFocus());

    screen.getByRole('button', { name: 'Delete Chat 2' }).focus();
    await u.keyboard('{Enter}');
    within(screen.getByRole('alertdialog', { name: 'Delete Chat 2?' }))
      .getByRole('button', { name: 'Delete' })
      .focus();
    await u.keyboard('{Enter}');
    await screen.findByText('No conversations yet.', { exact: false });
    expect(screen.getByRole('button', { name: 'New chat' })).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
  });

  it('renames, archives and deletes', async () => {
    const u = userEvent.setup();
    const { titles, onDeleted } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));

    await u.click(screen.getByRole('button', { name: 'Rename Chat 1' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveFocus();
    await u.clear(title);
    await u.type(title, 'Villas in Esentepe{Enter}');
    await waitFor(() => expect(titles()[0]).toBe('Villas in Esentepe'));

    await u.click(screen.getByRole('button', { name: 'Archive Villas in Esentepe' }));
    await waitFor(() => expect(titles()).not.toContain('Villas in Esentepe'));
    await u.click(screen.getByRole('checkbox', { name: 'Archived' }));
    await waitFor(() => expect(titles()).toEqual(['Villas in Esentepe']));
    await u.click(screen.getByRole('checkbox', { name: 'Archived' }));

    await waitFor(() => expect(titles()[0]).toBe('Chat 2'));
    await u.click(screen.getByRole('button', { name: 'Delete Chat 2' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Chat 2?' });
    await u.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(titles()).not.toContain('Chat 2'));
    expect(onDeleted).toHaveBeenCalledWith(expect.stringMatching(/^[0-9a-f-]{36}$/));
  });

  it('gives focus back to Rename after Escape, Cancel and Save', async () => {
    const u = userEvent.setup();
    const { titles } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));
    const rename = screen.getByRole('button', { name: 'Rename Chat 1' });
    await u.click(rename);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename Chat 1' })).toHaveFocus();

    await u.keyboard('{Enter}');
    await u.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Rename Chat 1' })).toHaveFocus();

    await u.keyboard('{Enter}');
    await u.keyboard('{Control>}a{/Control}Villas{Enter}');
    await waitFor(() => expect(titles()[0]).toBe('Villas'));
    expect(screen.getByRole('button', { name: 'Rename Villas' })).toHaveFocus();
  });

  it('asks before deleting: the question takes focus, Escape closes it, focus returns to the bin', async () => {
    const u = userEvent.setup();
    const { titles } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));
    await u.click(screen.getByRole('button', { name: 'Delete Chat 3' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Chat 3?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    const bin = screen.getByRole('button', { name: 'Delete Chat 3' });
    expect(bin).toHaveFocus();

    await u.keyboard('{Enter}');
    await u.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Delete Chat 3' })).toHaveFocus();
    expect(titles()).toContain('Chat 3');
    expect(fake.calls.map((c) => c.path)).not.toContain('conversations.delete');
  });

  it('keeps focus on Archive and Delete pressed from the keyboard while they work, and sends once', async () => {
    const u = userEvent.setup();
    const { titles, onDeleted } = renderSidebar();
    await waitFor(() => expect(titles()).toHaveLength(20));

    let release = holdAnswers();
    const archive = screen.getByRole('button', { name: 'Archive Chat 1' });
    archive.focus();
    await u.keyboard('{Enter}');
    await waitFor(() => expect(archive).toHaveAttribute('aria-disabled', 'true'));
    expect(archive).toBeEnabled();
    expect(document.activeElement).toBe(archive);
    await u.keyboard('{Enter}'); // pressed again while busy: ignored
    release();
    await waitFor(() => expect(titles()).not.toContain('Chat 1'));
    expect(fake.calls.filter((c) => c.path === 'conversations.update')).toHaveLength(1);

    release = holdAnswers();
    screen.getByRole('button', { name: 'Delete Chat 2' }).focus();
    await u.keyboard('{Enter}');
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Chat 2?' });
    const remove = within(confirm).getByRole('button', { name: 'Delete' });
    await u.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(remove);
    await u.keyboard('{Enter}');
    await waitFor(() => expect(remove).toHaveAttribute('aria-disabled', 'true'));
    expect(remove).toBeEnabled();
    expect(document.activeElement).toBe(remove);
    await u.keyboard('{Enter}');
    release();
    await waitFor(() => expect(titles()).not.toContain('Chat 2'));
    expect(fake.calls.filter((c) => c.path === 'conversations.delete')).toHaveLength(1);
    expect(onDeleted).toHaveBeenCalledTimes(1);
  });
});
