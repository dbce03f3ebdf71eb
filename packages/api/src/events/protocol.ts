import type { ConversationEvent } from '@parley/validators';
import type { SuperJSONResult } from 'superjson';

/*
 * The event protocol of a conversation, in one place. Durable events are stored in the
 * conversation's log with an ordered sequence number and replayed to a resuming client;
 * ephemeral ones (streamed pieces, typing) are only published, and their ids count from
 * the last durable event (`"12:3"`).
 */

export type DurableEvent = Exclude<ConversationEvent, { type: 'assistant.delta' | 'typing' }>;
export type EphemeralEvent = Extract<ConversationEvent, { type: 'assistant.delta' | 'typing' }>;

/** What travels on the bus: durable events carry their sequence number. */
export type BusEvent =
  | { kind: 'durable'; seq: number; event: SuperJSONResult }
  | { kind: 'ephemeral'; afterSeq: number; event: SuperJSONResult };

/** The bus channel every instance's subscribers of a conversation listen on. */
export const conversationChannel = (conversationId: string) => `conversation:${conversationId}`;

/**
 * Where a stream that joins while its conversation has a run in progress asks for the reply
 * written so far (`{ conversationId }`): the instance executing the run answers with one
 * `assistant.delta` at offset 0 holding all of it.
 */
export const CATCH_UP_CHANNEL = 'runs:catch-up';

/** The reason carried by the `session.ended` of every session of a deleted conversation. */
export const CONVERSATION_DELETED = 'conversation deleted';

/**
 * Whether `event` ends a stream: one opened through a session ends with that session's
 * `session.ended`; every stream of a conversation ends when the conversation is deleted.
 */
export function endsStream(event: ConversationEvent, sessionId: string | undefined): boolean {
  if (event.type !== 'session.ended') return false;
  return event.reason === CONVERSATION_DELETED || event.sessionId === sessionId;
}

// A durable id ("12"), or an ephemeral one after it ("12:3"), exactly as a stream sends them:
// no sign, exponent, spaces or leading zeros, so each position has one spelling.
const EVENT_ID = /^(0|[1-9]\d{0,15})(?::[1-9]\d{0,15})?$/;

/**
 * "12" and "12:3" (an ephemeral event after durable event 12) both resume after 12; null,
 * undefined or "" is no id at all. Anything else is `NaN`: not an id a stream sent.
 */
export function parseLastEventId(lastEventId: string | null | undefined): number | undefined {
  if (lastEventId == null || lastEventId === '') return undefined;
  if (!EVENT_ID.test(lastEventId)) return Number.NaN;
  const seq = Number(lastEventId.split(':')[0]);
  return Number.isSafeInteger(seq) ? seq : Number.NaN;
}
