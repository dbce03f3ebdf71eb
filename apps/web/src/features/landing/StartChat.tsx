import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthProvider';

export interface StartChatTarget {
  to: string;
  state: { from?: string; request?: string } | null;
}

/**
 * Where "Start chatting" leads, with what the visitor typed (if anything) for the
 * assistant to answer first: the chat, for everyone. A visitor who is not signed in
 * chats as a guest (the chat route starts one) and may sign up later, keeping the
 * conversation.
 */
export function startChatTarget(request?: string): StartChatTarget {
  const asked = request?.trim() ? { request: request.trim() } : null;
  return { to: '/chat', state: asked };
}

/** The call to action: a link into the chat. */
export function StartChatLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  const target = startChatTarget();
  return (
    <Link to={target.to} state={target.state} className={className}>
      {t('start.cta')}
    </Link>
  );
}

/** What a stranger should know before asking: no account is needed to chat. */
export function StartChatNote() {
  const { t } = useTranslation();
  const { status } = useAuth();
  if (status === 'signed-in') return null;
  return <p className="small muted">{t('start.signUpNote')}</p>;
}
