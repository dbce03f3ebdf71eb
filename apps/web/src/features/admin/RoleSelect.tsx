import { useTranslation } from 'react-i18next';
import { api, type User } from '../../api';
import { errorDetails } from '../../lib/errors';

const ROLES = ['user', 'agent', 'admin'] as const;
type GrantableRole = (typeof ROLES)[number];

/**
 * One person's role: saved as soon as it is chosen, with what became of it beside it
 * (announced, as it happens away from the focus). Taking admin rights away, your own
 * included, asks first: it cannot be undone without another admin.
 */
export function RoleSelect({
  user,
  isMe,
  onSaved,
}: {
  user: User;
  /** This is the person signed in. */
  isMe: boolean;
  onSaved: (user: User) => void;
}) {
  const { t } = useTranslation();
  const setRole = api.admin.users.setRole.useMutation({ onSuccess: onSaved });
  const choose = (role: GrantableRole) => {
    if (user.role === 'admin' && role !== 'admin') {
      const question = isMe
        ? t('admin.confirmDemoteSelf')
        : t('admin.confirmDemote', { name: user.name });
      if (!window.confirm(question)) return; // the select still shows the saved role
    }
    setRole.mutate({ userId: user.id, role });
  };
  // Why the server said no, in the page's language: the last admin cannot step down
  // (yourself, most often: you are the one left), so the select keeps "Admin".
  const refusal = (error: unknown) => {
    const details = errorDetails(error);
    if (details.code === 'PRECONDITION_FAILED' && /last admin/i.test(details.message))
      return isMe ? t('admin.lastAdminSelf') : t('admin.lastAdmin');
    return details.message;
  };
  // While saving, the choice just made (not the old role) shows.
  const shown = setRole.isPending ? setRole.variables.role : user.role;
  return (
    <div className="role-select">
      <select
        aria-label={t('admin.roleOf', { name: user.name })}
        value={shown}
        disabled={setRole.isPending}
        onChange={(e) => choose(e.target.value as GrantableRole)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`admin.role.${r}`)}
          </option>
        ))}
      </select>
      {/* Always in the page, so a screen reader hears each change of its text. */}
      <span role="status" className={`role-status role-status-${setRole.status}`}>
        {setRole.isPending
          ? t('admin.saving')
          : setRole.isSuccess
            ? t('admin.saved')
            : setRole.isError
              ? `${t('admin.couldNotSet')}: ${refusal(setRole.error)}`
              : null}
      </span>
    </div>
  );
}
