import type { AuthResult } from '@parley/validators';
import {
  apiKeyCreateInput,
  apiKeyRevokeInput,
  loginInput,
  logoutInput,
  refreshInput,
  registerInput,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys';
import { createGuest } from '../auth/guests';
import { login, logout, me, refresh, register } from '../auth/service';
import type { Context } from '../context';
import {
  publicProcedure,
  router,
  userOrGuestProcedure,
  userOrKeyProcedure,
  userProcedure,
} from '../trpc';

/**
 * In cookie mode the new refresh token goes into the httpOnly cookie and the answer
 * carries an empty `refreshToken`: the page's scripts never hold it.
 */
function deliver(ctx: Context, result: AuthResult): AuthResult {
  if (!ctx.refreshCookie) return result;
  ctx.refreshCookie.set(result.refreshToken, ctx.services.config.refreshTtlSeconds);
  return { ...result, refreshToken: '' };
}

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .mutation(async ({ ctx, input }) => deliver(ctx, await register(ctx.services, ctx.ip, input))),
  login: publicProcedure
    .input(loginInput)
    .mutation(async ({ ctx, input }) => deliver(ctx, await login(ctx.services, ctx.ip, input))),
  refresh: publicProcedure.input(refreshInput).mutation(async ({ ctx, input }) => {
    const token = input.refreshToken ?? ctx.refreshCookie?.value;
    if (!token) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'No refresh token was sent' });
    }
    try {
      return deliver(ctx, await refresh(ctx.services, token));
    } catch (error) {
      if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') ctx.refreshCookie?.clear();
      throw error;
    }
  }),
  /** Starts a guest: chat and favourites without an account, moved to one on sign-up/in. */
  guest: publicProcedure.mutation(async ({ ctx }) =>
    deliver(ctx, await createGuest(ctx.services, ctx.ip)),
  ),
  logout: userOrGuestProcedure.input(logoutInput).mutation(async ({ ctx, input }) => {
    const result = await logout(
      ctx.services,
      ctx.identity,
      input.refreshToken ?? ctx.refreshCookie?.value,
    );
    ctx.refreshCookie?.clear();
    return result;
  }),
  me: userOrKeyProcedure.query(({ ctx }) => me(ctx.services, ctx.identity)),
  apiKeys: router({
    create: userProcedure
      .input(apiKeyCreateInput)
      .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.identity.userId, input)),
    list: userProcedure.query(({ ctx }) => listApiKeys(ctx.services, ctx.identity.userId)),
    revoke: userProcedure
      .input(apiKeyRevokeInput)
      .mutation(({ ctx, input }) => revokeApiKey(ctx.services, ctx.identity.userId, input.id)),
  }),
});
