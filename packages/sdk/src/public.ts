// Everything both entry points export besides `createParleyClient`.
export type {
  ChatApi,
  ChatJoinOptions,
  ChatOpenOptions,
  ChatPiece,
  ChatSendOptions,
  ParleyChat,
  SessionEvent,
} from './chat';
export {
  type ChatMessage,
  type ChatMessageStatus,
  ChatModel,
  type ChatSnapshot,
  replyOfMessage,
} from './chat-model';
export {
  type ChatState,
  ChatStore,
  type ChatStoreOptions,
  createChatStore,
  idleChatState,
} from './chat-store';
export type {
  EventSourceLike,
  FetchLike,
  ParleyClient,
  ParleyClientExtras,
  ParleyClientOptions,
  ParleyConnectionOptions,
  WebSocketLike,
} from './client';
export type { ConnectionState, ParleyConnection, ParleyTransport } from './connection';
export type { ParleyCredentials, ParleyTokens } from './credentials';
export { isParleyError, ParleyError, type ParleyErrorCode, type ParleyErrorInit } from './errors';
export type * from './generated/router';
export type { MediaApi, UploadedPicture } from './media';
export { placePiece } from './pieces';
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './webhooks';

/** Inputs and outputs of every procedure, by path: `RouterOutputs['listings']['search']`. */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ParleyRouter } from './generated/router';
export type RouterInputs = inferRouterInputs<ParleyRouter>;
export type RouterOutputs = inferRouterOutputs<ParleyRouter>;
