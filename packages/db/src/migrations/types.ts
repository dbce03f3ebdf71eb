import type { Sequelize } from 'sequelize';

/** A migration is plain SQL run through the connection; migrations never import models. */
export interface Migration {
  name: string;
  up(sequelize: Sequelize): Promise<void>;
  down(sequelize: Sequelize): Promise<void>;
}

/**
 * Runs a migration's statements in order inside one transaction: PostgreSQL DDL is
 * transactional, so a failing migration leaves no half-built schema behind.
 */
export function run(sequelize: Sequelize, statements: string[]): Promise<void> {
  return sequelize.transaction(async (transaction) => {
    for (const statement of statements) await sequelize.query(statement, { transaction });
  });
}
