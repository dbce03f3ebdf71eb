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
  /** What the assistant understood the person wants: shared by every session. */
  declare memory: CreationOptional<Json>;
  declare memorySummary: CreationOptional<string>;
  /** Last event sequence number; bumped under the row lock so event ids are ordered. */
  declare eventSeq: CreationOptional<string>;
  /** Who answers: the assistant, nobody yet (waiting for a person), or an agent. */
  declare mode: CreationOptional<'assistant' | 'waiting' | 'agent'>;
  declare assignedAgentId: CreationOptional<string | null>;
  declare assignedAgentName: CreationOptional<string | null>;
  /** When a person was last asked for; set once asked, so agents may see it. */
  declare handoffRequestedAt: CreationOptional<Date | null>;
  declare handoffReason: CreationOptional<string | null>;
  /** The listing the person asked about when asking for a person. */
  declare handoffListingId: CreationOptional<string | null>;
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
  /** The API key that made it; a key without `conversations:read` reaches only its own. */
  declare apiKeyId: CreationOptional<string | null>;
  /** Browser origins whose pages may use this client secret (widgets); null: the server's own. */
  declare allowedOrigins: CreationOptional<string[] | null>;
  declare status: CreationOptional<'active' | 'ended' | 'expired'>;
  declare lastActivityAt: CreationOptional<Date>;
  declare expiresAt: Date;
  declare endedAt: CreationOptional<Date | null>;
  declare endReason: CreationOptional<string | null>;
  /** `agent`: an agent's seat in a conversation they claimed from the inbox. */
  declare kind: CreationOptional<'customer' | 'agent'>;
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
  declare role: 'user' | 'assistant' | 'agent' | 'system';
  declare content: string;
  declare metadata: CreationOptional<Json>;
  declare clientMessageId: CreationOptional<string | null>;
  declare replyToId: CreationOptional<string | null>;
  /** Who wrote a user or agent message: `{ id, name, role }`. */
  declare author: CreationOptional<{ id: string; name: string; role: string } | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class ConversationEventRow extends Model<
  InferAttributes<ConversationEventRow>,
  InferCreationAttributes<ConversationEventRow>
> {
  declare conversationId: string;
  /** bigint comes back from pg as a string */
  declare seq: string;
  declare type: string;
  declare payload: Json;
  declare sessionId: CreationOptional<string | null>;
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
      memory: json(),
      memorySummary: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
      eventSeq: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
      mode: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'assistant' },
      assignedAgentId: { type: DataTypes.UUID, allowNull: true },
      assignedAgentName: { type: DataTypes.TEXT, allowNull: true },
      handoffRequestedAt: date(true),
      handoffReason: { type: DataTypes.TEXT, allowNull: true },
      handoffListingId: { type: DataTypes.UUID, allowNull: true },
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
      apiKeyId: { type: DataTypes.UUID, allowNull: true },
      allowedOrigins: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: true },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'active' },
      lastActivityAt: { ...date(), defaultValue: DataTypes.NOW },
      expiresAt: date(),
      endedAt: date(true),
      endReason: { type: DataTypes.TEXT, allowNull: true },
      kind: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'customer' },
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
      author: { type: DataTypes.JSONB, allowNull: true },
      createdAt: date(),
      updatedAt: date(),
    },
    { sequelize, tableName: 'messages', modelName: 'Message' },
  );

  class ConversationEventModel extends ConversationEventRow {}
  ConversationEventModel.init(
    {
      conversationId: { type: DataTypes.UUID, allowNull: false, primaryKey: true },
      seq: { type: DataTypes.BIGINT, allowNull: false, primaryKey: true },
      type: { type: DataTypes.TEXT, allowNull: false },
      payload: { type: DataTypes.JSONB, allowNull: false },
      sessionId: { type: DataTypes.UUID, allowNull: true },
      createdAt: date(),
    },
    {
      sequelize,
      tableName: 'conversation_events',
      modelName: 'ConversationEvent',
      updatedAt: false,
    },
  );

  return {
    Conversation: ConversationModel,
    Session: SessionModel,
    SessionSecret: SessionSecretModel,
    Message: MessageModel,
    ConversationEvent: ConversationEventModel,
  };
}
