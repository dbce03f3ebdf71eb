import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Loading } from '../../ui/Status';
import { useAuth } from '../auth/AuthProvider';
import { LandingPage } from './LandingPage';

/** `/`: the chat for a signed-in person, the landing page for everyone else. */
export function HomeRoute() {
  const { t } = useTranslation();
  const { status } = useAuth();
  if (status === 'signed-in') return <Navigate to="/chat" replace />;
  if (status === 'loading') return <Loading label={t('auth.signingIn')} />;
  return <LandingPage />;
}
