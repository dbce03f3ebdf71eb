import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type User } from '../../api';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useMaybeAuth } from '../auth/AuthProvider';
import './admin.css';
import { RoleSelect } from './RoleSelect';

/** Admins grant roles: agents answer the inbox, admins also grant roles. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.docTitle'));
  const [search, setSearch] = useState('');
  const input = { search: search || undefined, limit: 50 };
  const users = api.admin.users.list.useQuery(input);
  const utils = api.useUtils();
  const me = useMaybeAuth()?.user;
  // The saved person in place, without reading the list again: after demoting yourself
  // that read would be refused, and the table would give way to an error.
  const onSaved = (saved: User) => {
    utils.admin.users.list.setData(
      input,
      (page) => page && { ...page, items: page.items.map((u) => (u.id === saved.id ? saved : u)) },
    );
    // Your own role changed: the header and the account menu follow at once.
    if (saved.id === me?.id) void utils.auth.me.invalidate();
  };
  return (
    <div className="page admin-page">
      <h1>{t('admin.heading')}</h1>
      {/* As wide as the table under it, not the whole page. */}
      <label className="admin-search">
        <span>{t('admin.search')}</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {users.isPending ? (
        <Loading label={t('admin.loading')} />
      ) : users.isError ? (
        <ErrorNotice error={users.error} title={t('admin.couldNotLoad')} />
      ) : users.data.items.length === 0 ? (
        <p className="muted admin-none" role="status">
          {t('admin.noMatches', { search })}
        </p>
      ) : (
        <table className="admin-users">
          <colgroup>
            <col className="admin-col-name" />
            <col className="admin-col-email" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('admin.columns.name')}</th>
              <th scope="col">{t('admin.columns.email')}</th>
              <th scope="col">{t('admin.columns.role')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <th scope="row" className="admin-user-name">
                  {u.name}
                </th>
                <td className="admin-user-email muted">{u.email}</td>
                <td className="admin-user-role">
                  <RoleSelect user={u} isMe={u.id === me?.id} onSaved={onSaved} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
