import {
  idInput,
  sessionCreateInput,
  sessionEventsInput,
  sessionIdInput,
  sessionListInput,
  sessionSendInput,
  sessionTypingInput,
} from '@parley/validators';
import { sendMessage } from '../chat/send';
import {
  createSession,
  endSession,
  getMemory,
  getSession,
  listSessions,
  refreshClientSecret,
  setTyping,
} from '../chat/sessions';
import { sessionEvents } from '../chat/stream';
import { searchListingsFor } from '../listings-port';
import { router, sessionOwnerProcedure, sessionProcedure, userProcedure } from '../trpc';

export const sessionsRouter = router({
  create: sessionOwnerProcedure
    .input(sessionCreateInput)
    .mutation(({ ctx, input }) => createSession(ctx.services, ctx.identity.userId, input)),
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
  send: sessionProcedure.input(sessionSendInput).mutation(({ ctx, input }) =>
    sendMessage(
      {
        services: ctx.services,
        identity: ctx.identity,
        log: ctx.log,
        searchListings: searchListingsFor(ctx.services),
      },
      input,
    ),
  ),
  typing: sessionProcedure
    .input(sessionTypingInput)
    .mutation(({ ctx, input }) =>
      setTyping(ctx.services, ctx.identity, input.sessionId, input.typing),
    ),
  memory: sessionProcedure
    .input(sessionIdInput)
    .query(({ ctx, input }) => getMemory(ctx.services, ctx.identity, input.sessionId)),
  events: sessionProcedure.input(sessionEventsInput).subscription(({ ctx, input, signal }) =>
    sessionEvents(
      {
        services: ctx.services,
        identity: ctx.identity,
        // sessionProcedure guarantees a credential was presented and verified.
        credential: ctx.credential!,
        connection: ctx.connection,
        signal: signal ?? new AbortController().signal,
      },
      input,
    ),
  ),
});
