import {
  inboxConversationInput,
  inboxEventsInput,
  inboxListInput,
  inboxReleaseInput,
} from '@parley/validators';
import {
  claimConversation,
  getInboxItem,
  inboxEvents,
  listInbox,
  releaseConversation,
} from '../handoff';
import { router, staffProcedure } from '../trpc';

/** The agents' inbox: conversations that asked for a person, for staff only. */
export const inboxRouter = router({
  list: staffProcedure
    .input(inboxListInput)
    .query(({ ctx, input }) => listInbox(ctx.services, ctx.identity.userId, input)),
  get: staffProcedure
    .input(inboxConversationInput)
    .query(({ ctx, input }) => getInboxItem(ctx.services, input.conversationId)),
  claim: staffProcedure
    .input(inboxConversationInput)
    .mutation(({ ctx, input }) =>
      claimConversation(ctx.services, ctx.identity, input.conversationId),
    ),
  release: staffProcedure
    .input(inboxReleaseInput)
    .mutation(({ ctx, input }) => releaseConversation(ctx.services, ctx.identity, input)),
  events: staffProcedure.input(inboxEventsInput).subscription(({ ctx, input, signal }) =>
    inboxEvents(
      {
        services: ctx.services,
        identity: ctx.identity,
        // staffProcedure guarantees a verified access token.
        credential: ctx.credential!,
        connection: ctx.connection,
        signal: signal ?? new AbortController().signal,
      },
      input,
    ),
  ),
});
