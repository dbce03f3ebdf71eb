import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../api';

/**
 * A guest has no address of its own: the server gives it a made-up one
 * (`guest-<id>@guest.invalid`; .invalid is reserved, so no real person has it). The
 * inbox item carries no role, so this ending is how a guest is told apart.
 */
export function isGuest(customer: Pick<InboxItem['customer'], 'email'>): boolean {
  return customer.email.toLowerCase().endsWith('@guest.invalid');
}

/**
 * Who the customer is, as the inbox shows them: their name and address, or just
 * "Guest" (in the agent's language) for someone chatting without an account.
 */
export function CustomerName({
  customer,
  withEmail = false,
}: {
  customer: Pick<InboxItem['customer'], 'name' | 'email'>;
  /** Also the address, when there is a real one (the brief beside the conversation). */
  withEmail?: boolean;
}) {
  const { t } = useTranslation();
  if (isGuest(customer)) return <>{t('inbox.guest')}</>;
  return (
    <>
      {customer.name}
      {withEmail && (
        <>
          {' '}
          <span className="muted">{customer.email}</span>
        </>
      )}
    </>
  );
}
