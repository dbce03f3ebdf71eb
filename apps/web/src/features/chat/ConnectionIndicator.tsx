import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../../api';

/** The live socket's state, announced when it changes. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  return (
    <p
      className={`connection connection-${status}`}
      role="status"
      aria-label={t('connection.label')}
    >
      <span className="connection-dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </p>
  );
}
