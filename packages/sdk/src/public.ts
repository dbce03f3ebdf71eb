// Everything both entry points export besides `createParleyClient`.
export type {
  ChatApi,
  ChatJoinOptions,
  ChatOpenOptions,
  ChatPiece,
  ChatSendOptions,
  ParleyChat,
} from './chat';
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

/** Inputs and outputs of every procedure, by path: `RouterOutputs['listings']['search']`. */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { ParleyRouter } from './generated/router';
export type RouterInputs = inferRouterInputs<ParleyRouter>;
export type RouterOutputs = inferRouterOutputs<ParleyRouter>;
