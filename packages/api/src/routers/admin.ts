import { adminSetRoleInput, adminUsersListInput } from '@parley/validators';
import { listUsers, setRole } from '../admin/users';
import { adminProcedure, router } from '../trpc';

export const adminRouter = router({
  users: router({
    list: adminProcedure
      .input(adminUsersListInput)
      .query(({ ctx, input }) => listUsers(ctx.services, input)),
    setRole: adminProcedure
      .input(adminSetRoleInput)
      .mutation(({ ctx, input }) => setRole(ctx.services, input)),
  }),
});
