import { type ConnectionStatus, useConnectionStatus } from '../../api';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** The live socket's state, announced when it changes. */
export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <p className={`connection connection-${status}`} role="status" aria-label="Connection">
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[status]}
    </p>
  );
}
