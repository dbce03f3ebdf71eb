import {
  type CreationOptional,
  DataTypes,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { date, id, json } from './columns';

type Json = Record<string, unknown>;

export class Conversation extends Model<
  InferAttributes<Conversation>,
  InferCreationAttributes<Conversation>
> {
  declare id: string;
  declare userId: string;
  declare title: CreationOptional<string | null>;
  declare systemPrompt: CreationOptional<string | null>;
  declare metadata: CreationOptional<Json>;
  declare archived: CreationOptional<boolean>;
  declare messageCount: CreationOptional<number>;
  declare lastMessageAt: CreationOptional<Date | null>;
  declare activityAt: CreationOptional<Date>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class ChatSession extends Model<
  InferAttributes<ChatSession>,
  InferCreationAttributes<ChatSession>
> {
  declare id: string;
  declare userId: string;
  declare conversationId: ForeignKey<Conversation['id']>;
  declare endUserId: CreationOptional<string | null>;
  declare status: CreationOptional<'active' | 'ended' | 'expired'>;
  declare lastActivityAt: CreationOptional<Date>;
  declare expiresAt: Date;
  declare endedAt: CreationOptional<Date | null>;
  declare endReason: CreationOptional<string | null>;
  declare memory: CreationOptional<Json>;
  declare memorySummary: CreationOptional<string>;
  /** bigint comes back from pg as a string */
  declare eventSeq: CreationOptional<string>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class SessionSecret extends Model<
  InferAttributes<SessionSecret>,
  InferCreationAttributes<SessionSecret>
> {
  declare id: string;
  declare sessionId: string;
  declare secretHash: string;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
}

export class ChatMessage extends Model<
  InferAttributes<ChatMessage>,
  InferCreationAttributes<ChatMessage>
> {
  declare id: string;
  declare conversationId: string;
  declare sessionId: CreationOptional<string | null>;
  declare role: 'user' | 'assistant' | 'system';
  declare content: string;
  declare metadata: CreationOptional<Json>;
  declare clientMessageId: CreationOptional<string | null>;
  declare replyToId: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class SessionEventRow extends Model<
  InferAttributes<SessionEventRow>,
  InferCreationAttributes<SessionEventRow>
> {
  declare sessionId: string;
  /** bigint comes back from pg as a string */
  declare seq: string;
  declare type: string;
  declare payload: Json;
  declare createdAt: CreationOptional<Date>;
}

export function defineChatModels(sequelize: Sequelize) {
  class ConversationModel extends Conversation {}
  ConversationModel.init(
    {
      id: id(),
      userId: { type: DataTypes.UUID, allowNull: false },
      title: { type: DataTypes.TEXT, allowNull: true },
      systemPrompt: { type: DataTypes.TEXT, allowNull: true },
      metadata: json(),
      archived: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      messageCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastMessageAt: date(true),
      activityAt: { ...date(), defaultValue: DataTypes.NOW },
      createdAt: date(),
      updatedAt: date(),
    },
    { sequelize, tableName: 'conversations', modelName: 'Conversation' },
  );

  class SessionModel extends ChatSession {}
  SessionModel.init(
    {
      id: id(),
      userId: { type: DataTypes.UUID, allowNull: false },
      conversationId: { type: DataTypes.UUID, allowNull: false },
      endUserId: { type: DataTypes.TEXT, allowNull: true },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
      lastActivityAt: { ...date(), defaultValue: DataTypes.NOW },
      expiresAt: date(),
      endedAt: date(true),
      endReason: { type: DataTypes.TEXT, allowNull: true },
      memory: json(),
      memorySummary: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      eventSeq: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
      createdAt: date(),
      updatedAt: date(),
    },
    { sequelize, tableName: 'sessions', modelName: 'Session' },
  );

  class SessionSecretModel extends SessionSecret {}
  SessionSecretModel.init(
    {
      id: id(),
      sessionId: { type: DataTypes.UUID, allowNull: false },
      secretHash: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: date(),
      createdAt: date(),
    },
    { sequelize, tableName: 'session_secrets', modelName: 'SessionSecret', updatedAt: false },
  );

  class MessageModel extends ChatMessage {}
  MessageModel.init(
    {
      id: id(),
      conversationId: { type: DataTypes.UUID, allowNull: false },
      sessionId: { type: DataTypes.UUID, allowNull: true },
      role: { type: DataTypes.TEXT, allowNull: false },
      content: { type: DataTypes.TEXT, allowNull: false },
      metadata: json(),
      clientMessageId: { type: DataTypes.UUID, allowNull: true },
      replyToId: { type: DataTypes.UUID, allowNull: true },
      createdAt: date(),
      updatedAt: date(),
    },
    { sequelize, tableName: 'messages', modelName: 'Message' },
  );

  class SessionEventModel extends SessionEventRow {}
  SessionEventModel.init(
    {
      sessionId: { type: DataTypes.UUID, allowNull: false, primaryKey: true },
      seq: { type: DataTypes.BIGINT, allowNull: false, primaryKey: true },
      type: { type: DataTypes.TEXT, allowNull: false },
      payload: { type: DataTypes.JSONB, allowNull: false },
      createdAt: date(),
    },
    { sequelize, tableName: 'session_events', modelName: 'SessionEvent', updatedAt: false },
  );

  return {
    Conversation: ConversationModel,
    Session: SessionModel,
    SessionSecret: SessionSecretModel,
    Message: MessageModel,
    SessionEvent: SessionEventModel,
  };
}
