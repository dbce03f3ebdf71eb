import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { Field } from '../../ui/Field';
import { AuthForm } from './AuthForm';
import { useAuth } from './AuthProvider';
import { useFormErrors } from './form-errors';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const register = api.auth.register.useMutation({
    onSuccess: (result) => {
      auth.signedIn(result);
      navigate('/chat', { replace: true });
    },
  });
  const errors = useFormErrors(register.error, FIELDS);
  return (
    <AuthForm
      title="Create your account"
      submitLabel="Sign up"
      busy={register.isPending}
      errors={errors}
      onSubmit={(data) =>
        register.mutate({
          name: String(data.get('name')),
          email: String(data.get('email')),
          password: String(data.get('password')),
        })
      }
      footer={
        <>
          Already have an account? <Link to="/signin">Sign in</Link>
        </>
      }
    >
      <Field label="Name" name="name" autoComplete="name" required errors={errors.fields.name} />
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
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters; avoid common passwords."
        errors={errors.fields.password}
      />
    </AuthForm>
  );
}
