import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeParley, FakeError, type FakeParley } from '../../../test/fake-parley';
import { startTestI18n } from '../../../test/i18n';
import { renderWithParley } from '../../../test/render';
import { AuthProvider, useAuth } from './AuthProvider';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';
import { memoryStorage, TokenStore } from './tokens';

let fake: FakeParley;
let tokens: TokenStore;
let storage: ReturnType<typeof memoryStorage>;

const user = {
  id: '33333333-3333-4333-8333-333333333333',
  email: 'ayla@example.com',
  name: 'Ayla',
  role: 'user' as const,
  createdAt: new Date(),
};

beforeEach(() => {
  fake = createFakeParley();
  storage = memoryStorage();
  tokens = new TokenStore(storage);
});

function renderPage(page: 'signin' | 'signup', state?: unknown) {
  return renderWithParley(
    fake,
    <AuthProvider tokens={tokens} onCredentialsChanged={() => {}}>
      {page === 'signin' ? <SignInPage /> : <SignUpPage />}
    </AuthProvider>,
    { route: `/${page}`, path: `/${page}`, state },
  );
}

const signedIn = () => ({
  user,
  accessToken: 'jwt-access',
  refreshToken: 'refresh-1',
  accessTokenExpiresAt: new Date(Date.now() + 900_000),
});

describe('sign-up form', () => {
  it('has labelled fields, shows each field error beside its field and focuses the first', async () => {
    fake.on('auth.register', () => {
      throw new FakeError('BAD_REQUEST', 'email: must be a valid email address; password: ...', {
        fieldErrors: {
          email: ['must be a valid email address'],
          password: ['must be at least 8 characters'],
        },
      });
    });
    const u = userEvent.setup();
    renderPage('signup');
    await u.type(screen.getByLabelText('Name'), 'Ayla');
    await u.type(screen.getByLabelText('Email'), 'ayla');
    await u.type(screen.getByLabelText('Password'), 'short');
    await u.click(screen.getByRole('button', { name: 'Sign up' }));

    const email = screen.getByLabelText('Email');
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Email must be a valid email address');
    expect(password).toHaveAccessibleDescription(
      'At least 8 characters; avoid common passwords. Password must be at least 8 characters',
    );
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    // The first field in error takes focus, and so reads its message out.
    await waitFor(() => expect(email).toHaveFocus());
    // Beside the field: the message follows its input in the same field group.
    expect(password.parentElement).toHaveTextContent('Password must be at least 8 characters');
    // What was typed stays.
    expect(email).toHaveValue('ayla');
  });

  it('puts a taken email beside the email field', async () => {
    fake.on('auth.register', () => {
      throw new FakeError('CONFLICT', 'An account with this email already exists');
    });
    const u = userEvent.setup();
    renderPage('signup');
    await u.type(screen.getByLabelText('Name'), 'Ayla');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'violet harbour 4217');
    await u.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        'Email is already registered; sign in instead',
      ),
    );
  });

  it('keeps the access token in memory after signing up, and no token in storage', async () => {
    fake.on('auth.register', () => ({
      user,
      accessToken: 'jwt-access',
      // Cookie mode: the server keeps the refresh token in its httpOnly cookie.
      refreshToken: '',
      accessTokenExpiresAt: new Date(Date.now() + 900_000),
    }));
    const u = userEvent.setup();
    renderPage('signup');
    await u.type(screen.getByLabelText('Name'), 'Ayla');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'violet harbour 4217');
    await u.click(screen.getByRole('button', { name: 'Sign up' }));
    await screen.findByText('Elsewhere'); // navigated to /chat
    expect(tokens.accessToken).toBe('jwt-access');
    expect(tokens.wasSignedIn).toBe(true);
    expect(storage.getItem('parley.refreshToken')).toBeNull();
  });
});

describe('sign-in form', () => {
  it('says "too many attempts, try again in N s" from retryAfter, counting down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fake.on('auth.login', () => {
        throw new FakeError('TOO_MANY_REQUESTS', 'Too many requests (retry in 42 s)', {
          retryAfter: 42,
        });
      });
      const u = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      renderPage('signin');
      await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
      await u.type(screen.getByLabelText('Password'), 'wrong password');
      await u.click(screen.getByRole('button', { name: 'Sign in' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Too many attempts, try again in 42 s.');
      // aria-disabled, not disabled: the button keeps focus (a disabled one drops it).
      const button = screen.getByRole('button', { name: 'Sign in' });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveFocus();
      const calls = fake.calls.filter((c) => c.path === 'auth.login').length;
      await u.click(button);
      expect(fake.calls.filter((c) => c.path === 'auth.login')).toHaveLength(calls);
      await act(async () => {
        vi.advanceTimersByTime(2_000);
      });
      expect(screen.getByRole('alert')).toHaveTextContent('try again in 40 s.');
      await act(async () => {
        vi.advanceTimersByTime(40_000);
      });
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says a wait over 90 s in minutes, rounded up', async () => {
    fake.on('auth.login', () => {
      throw new FakeError('TOO_MANY_REQUESTS', 'Too many requests', { retryAfter: 2354 });
    });
    const u = userEvent.setup();
    renderPage('signin');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'wrong password');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts, try again in 40 min.',
    );
  });

  it('keeps focus on the button while signing in, and there after a refused password', async () => {
    let refuse!: () => void;
    fake.on(
      'auth.login',
      () =>
        new Promise((_, reject) => {
          refuse = () => reject(new FakeError('UNAUTHORIZED', 'Email or password is incorrect'));
        }),
    );
    const u = userEvent.setup();
    renderPage('signin');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'wrong password');
    await u.keyboard('{Tab}');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toHaveFocus();
    await u.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Please wait…' })).toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );
    expect(button).toHaveFocus();
    await act(async () => refuse());
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect');
    expect(button).toHaveFocus();
  });

  it('shows a wrong password as a message for the whole form', async () => {
    fake.on('auth.login', () => {
      throw new FakeError('UNAUTHORIZED', 'Email or password is incorrect');
    });
    const u = userEvent.setup();
    renderPage('signin');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'wrong password');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });
});

describe('after signing in', () => {
  const link = '/chat/11111111-1111-4111-8111-111111111111';

  it('lands on the conversation link that sent the person to sign in', async () => {
    fake.on('auth.login', signedIn);
    const u = userEvent.setup();
    renderPage('signin', { from: link });
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'violet harbour 4217');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent(link);
  });

  it('keeps where the person was going when they choose to sign up instead', async () => {
    const u = userEvent.setup();
    renderPage('signin', { from: link });
    await u.click(screen.getByRole('link', { name: 'Create an account' }));
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent('/signup');
    expect(screen.getByRole('status', { name: 'With state' })).toHaveTextContent(
      JSON.stringify({ from: link }),
    );
  });

  it('says why when "Save this search" sent a guest here, and offers to sign up instead', async () => {
    const u = userEvent.setup();
    renderPage('signin', { from: link, reason: 'saveSearch' });
    expect(screen.getByRole('note')).toHaveTextContent(
      'Saving a search needs an account: alerts about new matches',
    );
    await u.click(screen.getByRole('link', { name: 'No account yet? Create one for free' }));
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent('/signup');
    expect(screen.getByRole('status', { name: 'With state' })).toHaveTextContent(
      JSON.stringify({ from: link, reason: 'saveSearch' }),
    );
  });

  it('says nothing of saved searches to someone who came to sign in on their own', async () => {
    renderPage('signin', { from: link });
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('after sign-up, goes to the chat with the request typed on the landing page', async () => {
    fake.on('auth.register', signedIn);
    const u = userEvent.setup();
    renderPage('signup', { from: '/chat', request: 'villa with a pool in Lapta' });
    // The person sees what will be asked for them.
    expect(screen.getByText('villa with a pool in Lapta')).toBeInTheDocument();
    await u.type(screen.getByLabelText('Name'), 'Ayla');
    await u.type(screen.getByLabelText('Email'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Password'), 'violet harbour 4217');
    await u.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('status', { name: 'Went to' })).toHaveTextContent('/chat');
    expect(screen.getByRole('status', { name: 'With state' })).toHaveTextContent(
      JSON.stringify({ request: 'villa with a pool in Lapta' }),
    );
  });
});

describe('in Turkish and Russian', () => {
  it.each([
    ['tr', 'Ad', 'E-posta', 'Şifre', 'Kaydol', 'Şifre en az 8 karakter olmalı'],
    [
      'ru',
      'Имя',
      'Электронная почта',
      'Пароль',
      'Зарегистрироваться',
      'Пароль: не менее 8 символов',
    ],
  ] as const)(
    '%s: labels and the field errors from the server',
    async (language, name, email, password, submit, error) => {
      await startTestI18n(language);
      fake.on('auth.register', () => {
        throw new FakeError('BAD_REQUEST', 'password: must be at least 8 characters', {
          fieldErrors: { password: ['must be at least 8 characters'] },
        });
      });
      const u = userEvent.setup();
      renderPage('signup');
      await u.type(screen.getByLabelText(name), 'Ayla');
      await u.type(screen.getByLabelText(email), 'ayla@example.com');
      await u.type(screen.getByLabelText(password), 'short');
      await u.click(screen.getByRole('button', { name: submit }));
      await waitFor(() =>
        expect(screen.getByLabelText(password)).toHaveAttribute('aria-invalid', 'true'),
      );
      expect(screen.getByLabelText(password).parentElement).toHaveTextContent(error);
    },
  );
});

describe('an empty form', () => {
  // What the server says about an empty sign-up: several faults per field, in English.
  const emptySignUp = () => {
    throw new FakeError('BAD_REQUEST', 'name: is required; ...', {
      fieldErrors: {
        name: ['is required', 'must not be blank'],
        email: ['must be a valid email address'],
        password: ['must be at least 8 characters'],
      },
    });
  };

  it.each([
    ['en', 'Name', 'Email', 'Password', 'Sign up', 'Name is required', 'Email is required'],
    ['tr', 'Ad', 'E-posta', 'Şifre', 'Kaydol', 'Ad boş bırakılamaz', 'E-posta boş bırakılamaz'],
    [
      'ru',
      'Имя',
      'Электронная почта',
      'Пароль',
      'Зарегистрироваться',
      'Имя: обязательное поле',
      'Электронная почта: обязательное поле',
    ],
  ] as const)(
    '%s: one message per field, all in the page language',
    async (language, name, email, password, submit, nameError, emailError) => {
      await startTestI18n(language);
      fake.on('auth.register', emptySignUp);
      const u = userEvent.setup();
      renderPage('signup');
      await u.click(screen.getByRole('button', { name: submit }));
      await waitFor(() =>
        expect(screen.getByLabelText(name)).toHaveAttribute('aria-invalid', 'true'),
      );
      const nameText = screen.getByLabelText(name).parentElement?.querySelector('.field-error');
      expect(nameText).toHaveTextContent(new RegExp(`^${nameError}$`));
      const emailText = screen.getByLabelText(email).parentElement?.querySelector('.field-error');
      expect(emailText).toHaveTextContent(new RegExp(`^${emailError}$`));
      expect(
        screen.getByLabelText(password).parentElement?.querySelector('.field-error'),
      ).toHaveTextContent(/./);
      // None of the server's English reaches the page.
      expect(document.body).not.toHaveTextContent(/must not be blank|must be a valid|is required;/);
      if (language !== 'en') expect(document.body).not.toHaveTextContent(/must|required/);
    },
  );

  it('says an unknown server message in the page language, not in English', async () => {
    await startTestI18n('tr');
    fake.on('auth.register', () => {
      throw new FakeError('BAD_REQUEST', 'name: must not contain something new', {
        fieldErrors: { name: ['must not contain something new'] },
      });
    });
    const u = userEvent.setup();
    renderPage('signup');
    await u.type(screen.getByLabelText('Ad'), 'Ayla');
    await u.type(screen.getByLabelText('E-posta'), 'ayla@example.com');
    await u.type(screen.getByLabelText('Şifre'), 'violet harbour 4217');
    await u.click(screen.getByRole('button', { name: 'Kaydol' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Ad')).toHaveAccessibleDescription(
        'Ad geçerli değil; lütfen kontrol edin',
      ),
    );
    expect(document.body).not.toHaveTextContent('something new');
  });

  it('sign-in: an empty password is "required" in Russian, once', async () => {
    await startTestI18n('ru');
    fake.on('auth.login', () => {
      throw new FakeError('BAD_REQUEST', 'password: is required', {
        fieldErrors: { email: ['must be a valid email address'], password: ['is required'] },
      });
    });
    const u = userEvent.setup();
    renderPage('signin');
    await u.type(screen.getByLabelText('Электронная почта'), 'ayla');
    await u.click(screen.getByRole('button', { name: 'Войти' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Пароль')).toHaveAccessibleDescription(
        'Пароль: обязательное поле',
      ),
    );
    expect(screen.getByLabelText('Электронная почта')).toHaveAccessibleDescription(
      'Электронная почта: некорректный адрес',
    );
  });
});

describe('after a reload', () => {
  it('exchanges the refresh cookie once, silently, storing no token', async () => {
    storage.setItem('parley.signedIn', '1');
    tokens = new TokenStore(storage);
    const handedOver = vi.fn();
    fake.on('auth.refresh', () => ({
      user,
      accessToken: 'jwt-new',
      refreshToken: '',
      accessTokenExpiresAt: new Date(Date.now() + 900_000),
    }));
    fake.on('auth.me', () => user);
    renderWithParley(
      fake,
      <AuthProvider tokens={tokens} onCredentialsChanged={handedOver}>
        <SignInPage />
      </AuthProvider>,
    );
    await waitFor(() => expect(tokens.accessToken).toBe('jwt-new'));
    expect(storage.getItem('parley.refreshToken')).toBeNull();
    expect(handedOver).toHaveBeenCalled();
    // No token in the call: the browser sends the cookie.
    expect(fake.calls.filter((c) => c.path === 'auth.refresh')).toEqual([
      { path: 'auth.refresh', input: {} },
    ]);
  });

  it('a first-time visitor makes no refresh call', async () => {
    tokens = new TokenStore(memoryStorage());
    renderWithParley(
      fake,
      <AuthProvider tokens={tokens} onCredentialsChanged={() => {}}>
        <SignInPage />
      </AuthProvider>,
    );
    await screen.findByRole('button', { name: 'Sign in' });
    expect(fake.calls.filter((c) => c.path === 'auth.refresh')).toEqual([]);
  });
});

describe('in two tabs', () => {
  function Who() {
    const auth = useAuth();
    return <output aria-label="Auth">{auth.status}</output>;
  }
  const otherTab = (newValue: string | null) =>
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: 'parley.signedIn', oldValue: '1', newValue }),
      );
    });

  it('signs out here when another tab signs out, and in when it signs in again', async () => {
    const handedOver = vi.fn();
    tokens.set(signedIn());
    fake.on('auth.me', () => user);
    fake.on('auth.refresh', () => ({ ...signedIn(), accessToken: 'jwt-again', refreshToken: '' }));
    renderWithParley(
      fake,
      <AuthProvider tokens={tokens} onCredentialsChanged={handedOver}>
        <Who />
      </AuthProvider>,
    );
    const status = screen.getByRole('status', { name: 'Auth' });
    await waitFor(() => expect(status).toHaveTextContent('signed-in'));

    // The other tab removed the "signed in" hint (its sign-out revoked the session).
    storage.removeItem('parley.signedIn');
    otherTab(null);
    await waitFor(() => expect(status).toHaveTextContent('signed-out'));
    expect(tokens.accessToken).toBeUndefined();
    expect(handedOver).toHaveBeenCalled();

    // Signed in again over there: this tab takes up the session with the cookie.
    storage.setItem('parley.signedIn', '1');
    otherTab('1');
    await waitFor(() => expect(status).toHaveTextContent('signed-in'));
    expect(tokens.accessToken).toBe('jwt-again');
  });
});
