import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { migrations } from './migrations';

// Any constant works; it only has to be the same for every Parley instance.
const MIGRATION_LOCK = 0x7061726c; // "parl"

function umzugFor(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: () => m.up(sequelize),
      down: () => m.down(sequelize),
    })),
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

/**
 * Applies pending migrations. Several instances may start at once, so the run holds a
 * PostgreSQL advisory lock; the second instance waits, then finds nothing to do.
 */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  return sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:lock)', {
      replacements: { lock: MIGRATION_LOCK },
      transaction,
    });
    const applied = await umzugFor(sequelize).up();
    return applied.map((m) => m.name);
  });
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await umzugFor(sequelize).pending()).map((m) => m.name);
}
