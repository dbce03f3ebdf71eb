import type { Conversation } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import type { Identity } from '../auth/credentials';
import { loadSession } from '../chat/sessions';
import type { ApiServices } from '../context';
import { INBOX_PRESENCE } from './stream';
import { requestHandoff } from './transitions';

export { getInboxItem, listInbox } from './inbox';
export { inboxEvents } from './stream';
export {
  claimConversation,
  releaseAllHeldBy,
  releaseConversation,
  requestHandoff,
} from './transitions';

/** Whether an agent is online now: a live `inbox.events` stream on any instance. */
export function agentsOnline(services: Pick<ApiServices, 'infra'>): Promise<boolean> {
  return services.infra.presence.any(INBOX_PRESENCE);
}

/** `sessions.requestAgent`: the person asks for a person, with the listing they ask about. */
export async function requestAgent(
  services: ApiServices,
  identity: Identity,
  input: { sessionId: string; reason?: string | undefined; listingId?: string | undefined },
): Promise<Conversation> {
  const session = await loadSession(services, identity, input.sessionId);
  if (session.status !== 'active') {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `This session is ${session.status}; open a new one to keep chatting`,
    });
  }
  return requestHandoff(services, {
    conversationId: session.conversationId,
    sessionId: session.id,
    reason: input.reason,
    listingId: input.listingId,
  });
}
