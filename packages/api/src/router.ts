import { authRouter } from './routers/auth';
import { conversationsRouter } from './routers/conversations';
import { listingsRouter } from './routers/listings';
import { sessionsRouter } from './routers/sessions';
import { router } from './trpc';

/** The whole API: one typed router, so a client cannot name a procedure that does not exist. */
export const appRouter = router({
  auth: authRouter,
  conversations: conversationsRouter,
  listings: listingsRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
