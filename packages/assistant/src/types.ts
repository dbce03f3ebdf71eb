import type {
  AgentName,
  AssistantReply,
  ConversationMode,
  ListingPage,
  MessageRole,
  ParsedListingQuery,
  SearchFacts,
  SessionMemory,
} from '@parley/validators';
import type { AssistantIntent } from './intent';

/** Why a search cannot be saved: a guest has no account; the owner is at the cap. */
export type SaveRefusal = 'account' | 'limit';

/** One earlier message of the conversation, oldest first. */
export interface ChatTurn {
  role: MessageRole;
  content: string;
}

/** The listing search, handed in by the caller (in-process, never over HTTP). */
export type SearchListings = (query: ParsedListingQuery) => Promise<ListingPage>;

export interface AssistantInput {
  /** The person's new message. */
  message: string;
  conversationId: string;
  /** What the person asked for so far in this session. */
  memory: SearchFacts;
  /** Recent turns, oldest first, without the new message. */
  history: ChatTurn[];
  /** The conversation's own instructions, if it has any. */
  systemPrompt?: string | null;
  searchListings: SearchListings;
  /**
   * Whether an agent is online right now, asked only when the person wants a person: the
   * reply then says so and what happens next. Absent: the reply says neither.
   */
  agentsOnline?: () => Promise<boolean>;
  /**
   * The conversation's mode, asked only when the person wants a person: while it already
   * waits for one ('waiting'), "is anyone there?" is told it is in the queue rather than
   * handed over again. Absent: as if the assistant answered ('assistant').
   */
  conversationMode?: () => Promise<ConversationMode>;
  /**
   * Whether the person may save `facts` as a search, asked only when they want alerts:
   * the reply then promises them only when they will come. `false` or 'account': a guest
   * (no account to alert); 'limit': they keep the most saved searches one may. Absent: it may.
   */
  maySaveSearches?: (facts: SearchFacts) => Promise<boolean | SaveRefusal>;
  /**
   * Aborting ("stop generating") rejects the reply with the signal's reason, before
   * the next piece or search; nothing more is yielded.
   */
  signal?: AbortSignal;
}

/** The finished answer and the session memory to store with it. */
export interface AssistantOutcome {
  reply: AssistantReply;
  memory: SessionMemory;
  /** What the person wanted: a search, a person, a viewing, an alert, an answer... */
  intent: AssistantIntent;
}

/**
 * An agent. `reply()` yields the answer's text in pieces and returns the outcome:
 * the pieces joined are exactly `reply.responseText`. The generator's return type
 * makes a path that ends without a reply a compile error (docs/design.md, the assistant always answers).
 */
export interface Assistant {
  readonly name: AgentName;
  reply(input: AssistantInput): AsyncGenerator<string, AssistantOutcome, void>;
}

/** The slice of a pino-style logger the assistant uses. */
export interface AssistantLogger {
  warn(details: Record<string, unknown>, message: string): void;
}
