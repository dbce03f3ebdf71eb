import type { Sequelize } from 'sequelize';
import { createSequelize } from './connection';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { defineModels, type Models } from './models';

interface Log {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface DatabaseConfig {
  /** External PostgreSQL; when unset an embedded one is started under `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  poolMax?: number;
  /** Apply pending migrations on open (the server does; tools may not). */
  migrate?: boolean;
  log: Log;
}

export interface Database {
  sequelize: Sequelize;
  models: Models;
  /** The connection URL (the embedded cluster's when none was configured). */
  url: string;
  /** Where the data lives: 'external' or the embedded cluster's folder. */
  kind: 'external' | 'embedded';
  /** Resolves when PostgreSQL answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.log);
    url = embedded.url;
  }
  const sequelize = createSequelize({ url, poolMax: config.poolMax });
  try {
    await sequelize.authenticate();
    if (config.migrate !== false) {
      const applied = await migrate(sequelize);
      if (applied.length) config.log.info({ applied }, 'migrations applied');
    }
  } catch (error) {
    await sequelize.close().catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
  const models = defineModels(sequelize);
  return {
    sequelize,
    models,
    url,
    kind: embedded ? 'embedded' : 'external',
    async ping(timeoutMs = 1_500) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = sequelize
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false);
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await sequelize.close();
      await embedded?.stop();
    },
  };
}
