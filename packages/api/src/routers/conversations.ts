import {
  conversationCreateInput,
  conversationListInput,
  conversationMessagesInput,
  conversationUpdateInput,
  idInput,
} from '@parley/validators';
import {
  createConversation,
  deleteConversation,
  listConversations,
  listMessages,
  loadConversation,
  updateConversation,
} from '../chat/conversations';
import { toConversation } from '../chat/serialize';
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
      toConversation(await loadConversation(ctx.services, ctx.identity.userId, input.id)),
    ),
  update: writer
    .input(conversationUpdateInput)
    .mutation(({ ctx, input }) => updateConversation(ctx.services, ctx.identity.userId, input)),
  delete: writer
    .input(idInput)
    .mutation(({ ctx, input }) => deleteConversation(ctx.services, ctx.identity.userId, input.id)),
  messages: reader
    .input(conversationMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.services, ctx.identity.userId, input)),
});
