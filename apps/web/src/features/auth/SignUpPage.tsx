import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AuthForm, ReasonNote, RequestNote } from './AuthForm';
import { useAuth } from './AuthProvider';
import { useFormErrors } from './form-errors';
import { afterSignIn, redirectOf } from './redirect';

export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signUpTitle'));
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const redirect = redirectOf(location.state);
  const register = api.auth.register.useMutation({
    onSuccess: (result) => {
      auth.signedIn(result);
      const next = afterSignIn(redirect);
      navigate(next.to, { replace: true, state: next.state });
    },
  });
  const labels = { name: t('auth.name'), email: t('auth.email'), password: t('auth.password') };
  const errors = useFormErrors(register.error, labels, register.variables);
  return (
    <AuthForm
      title={t('auth.signUpTitle')}
      submitLabel={t('auth.signUpSubmit')}
      busy={register.isPending}
      errors={errors}
      requiredNote
      note={
        <>
          <ReasonNote reason={redirect.reason} form="signup" />
          <RequestNote request={redirect.request} text={t('start.requestNote')} />
        </>
      }
      onSubmit={async (data) => {
        // A guest's conversations and favourites move to the new account.
        const guestToken = await auth.guestToken().catch(() => undefined);
        register.mutate({
          name: String(data.get('name')),
          email: String(data.get('email')),
          password: String(data.get('password')),
          ...(guestToken ? { guestToken } : {}),
        });
      }}
      footer={
        <>
          {t('auth.haveAccount')}{' '}
          <Link to="/signin" state={redirect}>
            {t('auth.signInLink')}
          </Link>
        </>
      }
    >
      <Field
        label={labels.name}
        name="name"
        autoComplete="name"
        required
        markRequired
        errors={errors.fields.name}
      />
      <Field
        label={labels.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        markRequired
        errors={errors.fields.email}
      />
      <Field
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        markRequired
        minLength={8}
        hint={t('auth.passwordHint')}
        errors={errors.fields.password}
      />
    </AuthForm>
  );
}
