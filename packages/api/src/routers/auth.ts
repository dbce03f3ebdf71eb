import {
  apiKeyCreateInput,
  apiKeyRevokeInput,
  loginInput,
  logoutInput,
  refreshInput,
  registerInput,
} from '@parley/validators';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys';
import { login, logout, me, refresh, register } from '../auth/service';
import { publicProcedure, router, userProcedure } from '../trpc';

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .mutation(({ ctx, input }) => register(ctx.services, ctx.ip, input)),
  login: publicProcedure
    .input(loginInput)
    .mutation(({ ctx, input }) => login(ctx.services, ctx.ip, input)),
  refresh: publicProcedure
    .input(refreshInput)
    .mutation(({ ctx, input }) => refresh(ctx.services, input.refreshToken)),
  logout: userProcedure
    .input(logoutInput)
    .mutation(({ ctx, input }) => logout(ctx.services, ctx.identity, input.refreshToken)),
  me: userProcedure.query(({ ctx }) => me(ctx.services, ctx.identity.userId)),
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
