import { authRouter } from './routers/auth';
import { router } from './trpc';

/** The whole API: one typed router, so a client cannot name a procedure that does not exist. */
export const appRouter = router({
  auth: authRouter,
});

export type AppRouter = typeof appRouter;
