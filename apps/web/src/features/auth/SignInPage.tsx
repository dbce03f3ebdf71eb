import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AuthForm, ReasonNote, RequestNote } from './AuthForm';
import { useAuth } from './AuthProvider';
import { useFormErrors } from './form-errors';
import { afterSignIn, redirectOf } from './redirect';

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signInTitle'));
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const redirect = redirectOf(location.state);
  const login = api.auth.login.useMutation({
    onSuccess: (result) => {
      auth.signedIn(result);
      const next = afterSignIn(redirect);
      navigate(next.to, { replace: true, state: next.state });
    },
  });
  const labels = { email: t('auth.email'), password: t('auth.password') };
  const errors = useFormErrors(login.error, labels, login.variables);
  return (
    <AuthForm
      title={t('auth.signInTitle')}
      submitLabel={t('auth.signInSubmit')}
      busy={login.isPending}
      errors={errors}
      note={
        <>
          <ReasonNote
            reason={redirect.reason}
            form="signin"
            signUp={
              <Link to="/signup" state={redirect}>
                {t('auth.saveSearchSignUp')}
              </Link>
            }
          />
          <RequestNote request={redirect.request} text={t('start.requestNoteSignIn')} />
        </>
      }
      onSubmit={async (data) => {
        // A guest's conversations and favourites move to the account.
        const guestToken = await auth.guestToken().catch(() => undefined);
        login.mutate({
          email: String(data.get('email')),
          password: String(data.get('password')),
          ...(guestToken ? { guestToken } : {}),
        });
      }}
      footer={
        <>
          {t('auth.newHere')}{' '}
          <Link to="/signup" state={redirect}>
            {t('auth.createAccount')}
          </Link>
        </>
      }
    >
      <Field
        label={labels.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={errors.fields.email}
      />
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.fields.password}
      />
    </AuthForm>
  );
}
