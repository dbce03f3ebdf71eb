import {
  conversationCreateInput,
  conversationEventsInput,
  conversationIdInput,
  conversationListInput,
  conversationMemoryUpdateInput,
  conversationMessagesInput,
  conversationUpdateInput,
  idInput,
} from '@parley/validators';
import {
  conversationMemory,
  createConversation,
  deleteConversation,
  listConversations,
  listMessages,
  updateConversation,
  updateConversationMemory,
} from '../chat/conversations';
import { loadReadableConversation } from '../chat/readable';
import { toConversation } from '../chat/serialize';
import { conversationEvents } from '../events/stream';
import { router, scopedProcedure } from '../trpc';

const reader = scopedProcedure('conversations:read');
const writer = scopedProcedure('conversations:write');

export const conversationsRouter = router({
  create: writer
    .input(conversationCreateInput)
    .mutation(({ ctx, input }) => createConversation(ctx.services, ctx.identity.userId, input)),
  list: reader
    .input(conversationListInput)
    .query(({ ctx, input }) => listConversations(ctx.services, ctx.identity.userId, input)),
  get: reader
    .input(idInput)
    .query(async ({ ctx, input }) =>
      toConversation(
        (await loadReadableConversation(ctx.services, ctx.identity.userId, input.id)).conversation,
      ),
    ),
  update: writer
    .input(conversationUpdateInput)
    .mutation(({ ctx, input }) => updateConversation(ctx.services, ctx.identity.userId, input)),
  delete: writer
    .input(idInput)
    .mutation(({ ctx, input }) => deleteConversation(ctx.services, ctx.identity.userId, input.id)),
  messages: reader.input(conversationMessagesInput).query(async ({ ctx, input }) => {
    // Who may read is checked once; the page is then read by the conversation's id.
    await loadReadableConversation(ctx.services, ctx.identity.userId, input.conversationId);
    return listMessages(ctx.services, input);
  }),
  memory: reader.input(conversationIdInput).query(async ({ ctx, input }) => {
    const { conversation } = await loadReadableConversation(
      ctx.services,
      ctx.identity.userId,
      input.conversationId,
    );
    return conversationMemory(conversation);
  }),
  updateMemory: writer
    .input(conversationMemoryUpdateInput)
    .mutation(({ ctx, input }) =>
      updateConversationMemory(ctx.services, ctx.identity.userId, input),
    ),
  events: reader.input(conversationEventsInput).subscription(({ ctx, input, signal }) =>
    conversationEvents(
      {
        services: ctx.services,
        identity: ctx.identity,
        // scopedProcedure guarantees a credential was presented and verified.
        credential: ctx.credential!,
        connection: ctx.connection,
        signal: signal ?? new AbortController().signal,
      },
      input,
      async () => {
        const { userId } = ctx.identity;
        const readable = await loadReadableConversation(ctx.services, userId, input.conversationId);
        return { conversationId: readable.conversation.id, sessionId: readable.seatId };
      },
    ),
  ),
});
