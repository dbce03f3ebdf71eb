import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../ui/Field';
import { AuthForm } from './AuthForm';
import { useAuth } from './AuthProvider';
import { useFormErrors } from './form-errors';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/chat';
  const login = api.auth.login.useMutation({
    onSuccess: (result) => {
      auth.signedIn(result);
      navigate(from, { replace: true });
    },
  });
  const errors = useFormErrors(login.error, FIELDS);
  return (
    <AuthForm
      title="Sign in"
      submitLabel="Sign in"
      busy={login.isPending}
      errors={errors}
      onSubmit={(data) =>
        login.mutate({ email: String(data.get('email')), password: String(data.get('password')) })
      }
      footer={
        <>
          New to Parley? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={errors.fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.fields.password}
      />
    </AuthForm>
  );
}
