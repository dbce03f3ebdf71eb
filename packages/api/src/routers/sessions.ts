import {
  idInput,
  sessionCancelRunInput,
  sessionCreateInput,
  sessionEventsInput,
  sessionIdInput,
  sessionListInput,
  sessionRequestAgentInput,
  sessionRetryInput,
  sessionRunsInput,
  sessionSendInput,
  sessionTypingInput,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import {
  createSession,
  endSession,
  getMemory,
  getSession,
  listSessions,
  loadSessionReaching,
  refreshClientSecret,
  setTyping,
} from '../chat/sessions';
import { conversationEvents } from '../events/stream';
import { requestAgent } from '../handoff';
import { cancelRun, listRuns } from '../runs/cancel';
import { retryMessage, sendMessage } from '../runs/submit';
import { router, sessionOwnerProcedure, sessionProcedure, userProcedure } from '../trpc';

export const sessionsRouter = router({
  create: sessionOwnerProcedure.input(sessionCreateInput).mutation(({ ctx, input }) => {
    const { identity } = ctx;
    // A session on an existing conversation replays its whole history to its stream, so
    // a key needs the right to read conversations too, not only to make sessions.
    if (
      input.conversationId &&
      identity.kind === 'apiKey' &&
      !identity.scopes.includes('conversations:read')
    ) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message:
          'This API key lacks the conversations:read scope (a session on an existing conversation reads it)',
      });
    }
    return createSession(
      ctx.services,
      identity.userId,
      input,
      identity.kind === 'apiKey' ? identity.keyId : null,
    );
  }),
  get: sessionProcedure
    .input(idInput)
    .query(({ ctx, input }) => getSession(ctx.services, ctx.identity, input.id)),
  list: userProcedure
    .input(sessionListInput)
    .query(({ ctx, input }) => listSessions(ctx.services, ctx.identity.userId, input)),
  refreshSecret: sessionOwnerProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => refreshClientSecret(ctx.services, ctx.identity, input.id)),
  end: sessionOwnerProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => endSession(ctx.services, ctx.identity, input.id)),
  send: sessionProcedure
    .input(sessionSendInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.services, ctx.identity, input)),
  cancelRun: sessionProcedure
    .input(sessionCancelRunInput)
    .mutation(({ ctx, input }) => cancelRun(ctx.services, ctx.identity, input)),
  retry: sessionProcedure
    .input(sessionRetryInput)
    .mutation(({ ctx, input }) => retryMessage(ctx.services, ctx.identity, input)),
  runs: sessionProcedure
    .input(sessionRunsInput)
    .query(({ ctx, input }) => listRuns(ctx.services, ctx.identity, input)),
  requestAgent: sessionProcedure
    .input(sessionRequestAgentInput)
    .mutation(({ ctx, input }) => requestAgent(ctx.services, ctx.identity, input)),
  typing: sessionProcedure
    .input(sessionTypingInput)
    .mutation(({ ctx, input }) =>
      setTyping(ctx.services, ctx.identity, input.sessionId, input.typing),
    ),
  memory: sessionProcedure
    .input(sessionIdInput)
    .query(({ ctx, input }) => getMemory(ctx.services, ctx.identity, input.sessionId)),
  events: sessionProcedure.input(sessionEventsInput).subscription(({ ctx, input, signal }) =>
    conversationEvents(
      {
        services: ctx.services,
        identity: ctx.identity,
        // sessionProcedure guarantees a credential was presented and verified.
        credential: ctx.credential!,
        connection: ctx.connection,
        signal: signal ?? new AbortController().signal,
      },
      input,
      async () => {
        const session = await loadSessionReaching(ctx.services, ctx.identity, input.sessionId);
        return { conversationId: session.conversationId, sessionId: session.id };
      },
    ),
  ),
});
