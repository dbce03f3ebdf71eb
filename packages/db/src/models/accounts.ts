import {
  type CreationOptional,
  DataTypes,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { id, timestamps } from './columns';

// Fields are `declare`d so class fields never shadow Sequelize's getters.

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: string;
  declare email: string;
  declare name: string;
  declare passwordHash: string;
  declare role: CreationOptional<'user' | 'agent' | 'admin' | 'guest'>;
  /** Guests only: when the guest and what it made are gone unless it signs up or in. */
  declare expiresAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class RefreshToken extends Model<
  InferAttributes<RefreshToken>,
  InferCreationAttributes<RefreshToken>
> {
  declare id: string;
  declare userId: ForeignKey<User['id']>;
  declare familyId: string;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare usedAt: CreationOptional<Date | null>;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class ApiKey extends Model<InferAttributes<ApiKey>, InferCreationAttributes<ApiKey>> {
  declare id: string;
  declare userId: ForeignKey<User['id']>;
  declare name: string;
  declare keyHash: string;
  declare scopes: string[];
  declare lastUsedAt: CreationOptional<Date | null>;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function defineAccountModels(sequelize: Sequelize) {
  class UserModel extends User {}
  UserModel.init(
    {
      id: id(),
      email: { type: DataTypes.TEXT, allowNull: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      passwordHash: { type: DataTypes.TEXT, allowNull: false },
      role: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'user' },
      expiresAt: { type: DataTypes.DATE, allowNull: true },
      ...timestamps(),
    },
    { sequelize, tableName: 'users', modelName: 'User' },
  );

  class RefreshTokenModel extends RefreshToken {}
  RefreshTokenModel.init(
    {
      id: id(),
      userId: { type: DataTypes.UUID, allowNull: false },
      familyId: { type: DataTypes.UUID, allowNull: false },
      tokenHash: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE, allowNull: true },
      revokedAt: { type: DataTypes.DATE, allowNull: true },
      ...timestamps(),
    },
    { sequelize, tableName: 'refresh_tokens', modelName: 'RefreshToken' },
  );

  class ApiKeyModel extends ApiKey {}
  ApiKeyModel.init(
    {
      id: id(),
      userId: { type: DataTypes.UUID, allowNull: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      keyHash: { type: DataTypes.TEXT, allowNull: false },
      scopes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      lastUsedAt: { type: DataTypes.DATE, allowNull: true },
      revokedAt: { type: DataTypes.DATE, allowNull: true },
      ...timestamps(),
    },
    { sequelize, tableName: 'api_keys', modelName: 'ApiKey' },
  );

  return { User: UserModel, RefreshToken: RefreshTokenModel, ApiKey: ApiKeyModel };
}
