import { GRANTABLE_ROLES, type GrantableRole } from '@parley/validators';
import { RoleChangeRefused, setUserRole } from '../staff/roles';
import { withTransaction } from '../transaction';
import { openCliDatabase, runCli } from './open';

const usage = `usage: pnpm users:role EMAIL ROLE   (ROLE: ${GRANTABLE_ROLES.join(', ')})`;

/**
 * `pnpm users:role EMAIL ROLE`: gives an account a role. This is how the first admin is
 * made (Parley has no default users and no bypass); after that, admins can also grant
 * roles in the app (`admin.users.setRole`). The person signs up first. A running server
 * uses the new role within a second, on calls already connected too.
 */
runCli(async () => {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const [email, role] = args;
  if (!email || !role || args.length !== 2) throw new Error(`expects EMAIL and ROLE\n${usage}`);
  if (!(GRANTABLE_ROLES as readonly string[]).includes(role)) {
    throw new Error(
      `ROLE must be one of ${GRANTABLE_ROLES.join(', ')}, got ${JSON.stringify(role)}\n${usage}`,
    );
  }
  const db = await openCliDatabase();
  try {
    const change = await withTransaction(db.sequelize, (transaction) =>
      setUserRole(db.sequelize, { email: email.trim() }, role as GrantableRole, transaction),
    ).catch((error: unknown) => {
      if (error instanceof RoleChangeRefused && error.reason === 'not_found') {
        throw new Error(`no account with the email ${email}: sign up first, then run this again`);
      }
      throw error;
    });
    const { user, previousRole } = change;
    process.stdout.write(
      previousRole === user.role
        ? `${user.email} is already ${user.role}\n`
        : `${user.email} is now ${user.role} (was ${previousRole})\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
});
