import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Conversation } from '../../api';
import { errorDetails } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { Icon } from '../../ui/icons';

/** A conversation's title, or `untitled` (in the language on screen) before it has one. */
export const conversationTitle = (c: Pick<Conversation, 'title'>, untitled: string) =>
  c.title ?? untitled;

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
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const [mode, setModeState] = useState<'view' | 'rename' | 'delete'>('view');
  // Back from renaming or the delete question, focus returns to the button that opened it.
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<'rename' | 'delete' | null>(null);
  const setMode = (next: 'view' | 'rename' | 'delete') => {
    if (next === 'view' && mode !== 'view') returnTo.current = mode;
    setModeState(next);
  };
  useEffect(() => {
    if (mode === 'delete') cancelDelete.current?.focus();
    if (mode !== 'view' || !returnTo.current) return;
    const button = returnTo.current === 'rename' ? renameButton : deleteButton;
    returnTo.current = null;
    // Only when focus was in the closed box (not after a click elsewhere).
    const active = document.activeElement;
    if (!active || active === document.body) button.current?.focus();
  }, [mode]);
  const onDialogKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setMode('view');
  };
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
  const title = conversationTitle(conversation, t('sidebar.newConversation'));
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
            {t('sidebar.titleLabel')}
          </label>
          <input
            id={`title-${conversation.id}`}
            name="title"
            defaultValue={conversation.title ?? ''}
            maxLength={200}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this
            autoFocus
            onKeyDown={onDialogKey}
          />
          <button
            type="submit"
            className="button button-small button-primary"
            disabled={update.isPending}
          >
            {t('common.save')}
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('view')}>
            {t('common.cancel')}
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
            <time dateTime={when.toISOString()}>{format.timeAgo(when)}</time>
            {conversation.archived && ` · ${t('sidebar.archivedTag')}`}
          </span>
        </Link>
      )}
      {mode === 'view' && (
        <div className="conversation-actions">
          <button
            type="button"
            className="icon-button"
            ref={renameButton}
            aria-label={t('sidebar.rename', { title })}
            onClick={() => setMode('rename')}
          >
            <Icon name="pencil" size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={
              conversation.archived
                ? t('sidebar.unarchive', { title })
                : t('sidebar.archive', { title })
            }
            // Not `disabled`: the pressed button keeps focus while the change is saved.
            aria-disabled={update.isPending || undefined}
            onClick={() => {
              if (!update.isPending)
                update.mutate({ id: conversation.id, archived: !conversation.archived });
            }}
          >
            <Icon name={conversation.archived ? 'unarchive' : 'archive'} size={16} />
          </button>
          <button
            type="button"
            className="icon-button"
            ref={deleteButton}
            aria-label={t('sidebar.delete', { title })}
            onClick={() => setMode('delete')}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      )}
      {mode === 'delete' && (
        <div
          className="confirm"
          role="alertdialog"
          aria-label={t('sidebar.deleteQuestion', { title })}
          aria-describedby={`delete-${conversation.id}`}
          onKeyDown={onDialogKey}
        >
          <p id={`delete-${conversation.id}`}>{t('sidebar.deleteConfirm')}</p>
          <button
            type="button"
            className="button button-small button-danger"
            // Not `disabled`: the pressed button keeps focus while the conversation is deleted.
            aria-disabled={remove.isPending || undefined}
            onClick={() => {
              if (!remove.isPending) remove.mutate({ id: conversation.id });
            }}
          >
            {t('common.delete')}
          </button>
          <button
            ref={cancelDelete}
            type="button"
            className="button button-small"
            onClick={() => setMode('view')}
          >
            {t('common.cancel')}
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
