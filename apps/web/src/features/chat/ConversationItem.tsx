import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, type Conversation } from '../../api';
import { errorDetails } from '../../lib/errors';
import { timeAgo } from '../../lib/format';
import { Icon } from '../../ui/icons';

export const conversationTitle = (c: Pick<Conversation, 'title'>) => c.title ?? 'New conversation';

/** A conversation in the sidebar, with rename, archive and delete. */
export function ConversationItem({
  conversation,
  active,
  onDeleted,
}: {
  conversation: Conversation;
  active: boolean;
  onDeleted: (id: string) => void;
}) {
  const utils = api.useUtils();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const refresh = () => {
    void utils.conversations.list.invalidate();
    void utils.conversations.get.invalidate({ id: conversation.id });
  };
  const update = api.conversations.update.useMutation({
    onSuccess: () => {
      setMode('view');
      refresh();
    },
  });
  const remove = api.conversations.delete.useMutation({
    onSuccess: () => {
      refresh();
      onDeleted(conversation.id);
    },
  });
  const title = conversationTitle(conversation);
  const when = conversation.lastMessageAt ?? conversation.createdAt;
  const error = update.error ?? remove.error;

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('title') ?? '').trim();
    if (value && value !== conversation.title) update.mutate({ id: conversation.id, title: value });
    else setMode('view');
  };

  return (
    <li className={`conversation${active ? ' is-active' : ''}`}>
      {mode === 'rename' ? (
        <form className="conversation-rename" onSubmit={rename}>
          <label htmlFor={`title-${conversation.id}`} className="visually-hidden">
            Title
          </label>
          <input
            id={`title-${conversation.id}`}
            name="title"
            defaultValue={conversation.title ?? ''}
            maxLength={200}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setMode('view')}
          />
          <button
            type="submit"
            className="button button-small button-primary"
            disabled={update.isPending}
          >
            Save
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <Link
          to={`/chat/${conversation.id}`}
          aria-current={active ? 'page' : undefined}
          className="conversation-link"
        >
          <span className="conversation-title">{title}</span>
          <span className="conversation-time">
            <time dateTime={when.toISOString()}>{timeAgo(when)}</time>
            {conversation.archived && ' · archived'}
          </span>
        </Link>
      )}
      {mode === 'view' && (
        <div className="conversation-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Rename ${title}`}
            onClick={() => setMode('rename')}
          >
            <Icon name="pencil" size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`${conversation.archived ? 'Unarchive' : 'Archive'} ${title}`}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: conversation.id, archived: !conversation.archived })}
          >
            <Icon name={conversation.archived ? 'unarchive' : 'archive'} size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete ${title}`}
            onClick={() => setMode('delete')}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      )}
      {mode === 'delete' && (
        <div className="confirm" role="alertdialog" aria-label={`Delete ${title}?`}>
          <p>Delete this conversation and all its messages?</p>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: conversation.id })}
          >
            Delete
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {errorDetails(error).message}
        </p>
      )}
    </li>
  );
}
