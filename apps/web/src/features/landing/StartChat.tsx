import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AuthStatus, useAuth } from '../auth/AuthProvider';

export interface StartChatTarget {
  to: string;
  state: { from?: string; request?: string } | null;
}

/**
 * Where "Start chatting" leads, with what the visitor typed (if anything) for the
 * assistant to answer first. Today a stranger signs up first and lands in the chat with
 * the request sent; this is the one place to re-point when chat without an account comes.
 */
export function startChatTarget(status: AuthStatus, request?: string): StartChatTarget {
  const asked = request?.trim() ? { request: request.trim() } : null;
  if (status === 'signed-in') return { to: '/chat', state: asked };
  return { to: '/signup', state: { from: '/chat', ...asked } };
}

/** The call to action: a link into the chat (through sign-up while there is no guest chat). */
export function StartChatLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { status } = useAuth();
  const target = startChatTarget(status);
  return (
    <Link to={target.to} state={target.state} className={className}>
      {t('start.cta')}
    </Link>
  );
}

/** What a stranger should know before asking: the answer comes after a free sign-up. */
export function StartChatNote() {
  const { t } = useTranslation();
  const { status } = useAuth();
  if (status === 'signed-in') return null;
  return <p className="small muted">{t('start.signUpNote')}</p>;
}
