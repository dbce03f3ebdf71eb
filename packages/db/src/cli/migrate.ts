import { migrate } from '../migrate';
import { openCliDatabase, runCli } from './open';

/** `pnpm db:migrate`: applies pending migrations and says which. */
runCli(async () => {
  const db = await openCliDatabase({ migrate: false });
  try {
    const applied = await migrate(db.sequelize);
    process.stdout.write(
      applied.length ? `applied ${applied.join(', ')}\n` : 'schema is up to date\n',
    );
    return 0;
  } finally {
    await db.close();
  }
});
