import { adminRouter } from './routers/admin';
import { alertsRouter } from './routers/alerts';
import { authRouter } from './routers/auth';
import { conversationsRouter } from './routers/conversations';
import { favoritesRouter } from './routers/favorites';
import { inboxRouter } from './routers/inbox';
import { listingsRouter } from './routers/listings';
import { searchesRouter } from './routers/searches';
import { sessionsRouter } from './routers/sessions';
import { webhooksRouter } from './routers/webhooks';
import { router } from './trpc';

/** The whole API: one typed router, so a client cannot name a procedure that does not exist. */
export const appRouter = router({
  admin: adminRouter,
  alerts: alertsRouter,
  auth: authRouter,
  conversations: conversationsRouter,
  favorites: favoritesRouter,
  inbox: inboxRouter,
  listings: listingsRouter,
  searches: searchesRouter,
  sessions: sessionsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
