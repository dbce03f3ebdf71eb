import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

const ROLES = ['user', 'agent', 'admin'] as const;

/** Admins grant roles: agents answer the inbox, admins also grant roles. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.docTitle'));
  const [search, setSearch] = useState('');
  const users = api.admin.users.list.useQuery({ search: search || undefined, limit: 50 });
  const utils = api.useUtils();
  const setRole = api.admin.users.setRole.useMutation({
    onSuccess: () => void utils.admin.users.list.invalidate(),
  });
  return (
    <div className="page admin-page">
      <h1>{t('admin.heading')}</h1>
      <label>
        {t('admin.search')}{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {setRole.isError && <ErrorNotice error={setRole.error} title={t('admin.couldNotSet')} />}
      {users.isPending ? (
        <Loading label={t('admin.loading')} />
      ) : users.isError ? (
        <ErrorNotice error={users.error} title={t('admin.couldNotLoad')} />
      ) : (
        <table className="admin-users">
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td className="muted">{u.email}</td>
                <td>
                  <select
                    aria-label={t('admin.roleOf', { name: u.name })}
                    value={u.role}
                    disabled={setRole.isPending}
                    onChange={(e) =>
                      setRole.mutate({
                        userId: u.id,
                        role: e.target.value as (typeof ROLES)[number],
                      })
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`admin.role.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
