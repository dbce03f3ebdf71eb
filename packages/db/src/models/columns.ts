import { DataTypes } from 'sequelize';

// Factories, not shared objects: Sequelize writes into each attribute definition it is
// given, so one object shared by two models would carry one model's column into the other.

export const id = () => ({ type: DataTypes.UUID, primaryKey: true });
export const date = (allowNull = false) => ({ type: DataTypes.DATE, allowNull });
export const json = () => ({ type: DataTypes.JSONB, allowNull: false, defaultValue: {} });
export const timestamps = () => ({ createdAt: date(), updatedAt: date() });
