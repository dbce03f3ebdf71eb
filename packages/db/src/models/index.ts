import type { Sequelize } from 'sequelize';
import { defineAccountModels } from './accounts';
import { defineChatModels } from './chat';
import { defineListingModels } from './listings';

export * from './accounts';
export * from './chat';
export * from './listings';

/**
 * Binds every model to one Sequelize instance. Each call makes fresh subclasses, so two
 * databases in one process (tests, tools) never share a model class.
 */
export function defineModels(sequelize: Sequelize) {
  return {
    ...defineAccountModels(sequelize),
    ...defineChatModels(sequelize),
    ...defineListingModels(sequelize),
  };
}
export type Models = ReturnType<typeof defineModels>;
