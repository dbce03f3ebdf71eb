import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../api';

type Customer = Pick<InboxItem['customer'], 'name' | 'email'> &
  Partial<Pick<InboxItem['customer'], 'endUserId'>>;

/**
 * A guest has no address of its own: the server gives it a made-up one
 * (`guest-<id>@guest.invalid`; .invalid is reserved, so no real person has it). The
 * inbox item carries no role, so this ending is how a guest is told apart.
 */
export function isGuest(customer: Pick<InboxItem['customer'], 'email'>): boolean {
  return customer.email.toLowerCase().endsWith('@guest.invalid');
}

/**
 * A widget's visitor: the session was made by an integrator's API key for one of their
 * site's end users (`endUserId`). The account is the key's owner, not the person writing.
 */
export function isVisitor(customer: Partial<Pick<InboxItem['customer'], 'endUserId'>>): boolean {
  return typeof customer.endUserId === 'string' && customer.endUserId !== '';
}

/**
 * Who the customer is, in words: "Visitor · <endUserId>" for a site's visitor, "Guest"
 * for someone chatting without an account, else their name.
 */
export function customerLabel(customer: Customer, t: TFunction): string {
  if (isVisitor(customer)) return t('inbox.visitor', { id: customer.endUserId });
  if (isGuest(customer)) return t('inbox.guest');
  return customer.name;
}

/**
 * Who the customer is, as the inbox shows them: their name and address, just "Guest"
 * (in the agent's language) for someone chatting without an account, or "Visitor · id"
 * for a widget's visitor (with the site's owner, "via Ada", where asked).
 */
export function CustomerName({
  customer,
  withEmail = false,
}: {
  customer: Customer;
  /** Also the address (or a visitor's site owner), as the brief beside the conversation shows it. */
  withEmail?: boolean;
}) {
  const { t } = useTranslation();
  if (isVisitor(customer)) {
    return (
      <>
        {customerLabel(customer, t)}
        {withEmail && (
          <>
            {' '}
            <span className="muted">{t('inbox.via', { owner: customer.name })}</span>
          </>
        )}
      </>
    );
  }
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
