import type { AssistantReply, ListingPage, SearchFacts } from '@parley/validators';
import { summarise } from '../describe';
import { type Interpretation, interpret } from '../interpret';
import { normaliseFacts } from '../memory';
import { RECOMMENDATION_LIMIT } from '../rules/assistant';
import { textsFor } from '../text';
import type {
  Assistant,
  AssistantInput,
  AssistantLogger,
  AssistantOutcome,
  SaveRefusal,
} from '../types';
import { replyLanguage } from '../understand/language';
import { type ChatMessage, type RoundResult, streamChatRound } from './chat';
import { ProviderError, SearchFailed } from './errors';
import { systemPrompt } from './prompt';
import { parseToolArguments, SEARCH_TOOL, SEARCH_TOOL_NAME, toolResult } from './tool';

export interface OpenAiAssistantOptions {
  /** e.g. "https://api.openai.com/v1"; "/chat/completions" is appended. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Deadline for the whole exchange with the provider, tool rounds included. */
  timeoutMs: number;
  /** Answers instead whenever the provider fails. */
  fallback: Assistant;
  logger?: AssistantLogger;
  /** How many rounds of tool calls the model may make before answering. */
  maxToolRounds?: number;
}

/**
 * An LLM agent over the OpenAI chat-completions streaming API, using plain fetch.
 * The model may call `search_listings`; recommendations are that search's results
 * and appliedFilters its validated arguments. Timeouts, HTTP errors, garbled streams,
 * bad tool arguments and empty answers fall back to `fallback` (reply.agent says who
 * answered). Text already streamed stays: the fallback's text follows it after a blank
 * line, so the pieces joined always equal responseText.
 */
export function createOpenAiAssistant(options: OpenAiAssistantOptions): Assistant {
  return { name: 'openai', reply: (input) => replyWithOpenAi(options, input) };
}

async function* replyWithOpenAi(
  options: OpenAiAssistantOptions,
  input: AssistantInput,
): AsyncGenerator<string, AssistantOutcome, void> {
  // The rules read the message for its language and intent: cheap, and the same labels
  // whichever agent answers.
  const read = interpret(input.message, input.memory, input.history);
  // Alerts that cannot be saved (a guest, or at the cap of saved searches) are refused in
  // the rule agent's words without asking the model, which would promise them.
  const refusal = await saveRefusal(input, read);
  if (refusal !== undefined) {
    input.signal?.throwIfAborted();
    const t = textsFor(read.language);
    const text = refusal === 'limit' ? t.notifyLimit() : t.notifyNeedsAccount();
    yield text;
    return finish(input, read, text, undefined, read.facts);
  }
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = input.signal === undefined ? deadline : AbortSignal.any([input.signal, deadline]);
  const streamed: string[] = [];
  const conversation = talk(options, input, signal);
  try {
    // Leading whitespace is held back: an answer that turns out blank must not leak
    // into the fallback's text.
    let held = '';
    let step = await conversation.next();
    while (!step.done) {
      if (streamed.length === 0 && `${held}${step.value}`.trim() === '') {
        held += step.value;
      } else {
        const piece = streamed.length === 0 ? `${held}${step.value}`.trimStart() : step.value;
        streamed.push(piece);
        yield piece;
      }
      step = await conversation.next();
    }
    const next = await handoffNext(input, read);
    if (next) {
      const piece = `\n\n${next}`;
      streamed.push(piece);
      yield piece;
    }
    return finish(input, read, streamed.join(''), step.value);
  } catch (error) {
    if (input.signal?.aborted) throw input.signal.reason;
    if (error instanceof SearchFailed) throw error.cause;
    options.logger?.warn(
      { err: error, model: options.model, timedOut: deadline.aborted },
      'openai assistant failed; answering with the rule agent',
    );
  } finally {
    // Closes the provider's stream when the caller stops reading early.
    await conversation.return(undefined);
  }

  const separator = streamed.length > 0 ? '\n\n' : '';
  if (separator) yield separator;
  const fallback = yield* options.fallback.reply(input);
  const responseText = `${streamed.join('')}${separator}${fallback.reply.responseText}`;
  return { ...fallback, reply: { ...fallback.reply, responseText } };
}

interface SearchDone {
  facts: SearchFacts;
  page: ListingPage;
}

/** The conversation with the model: yields answer text, returns the latest search. */
async function* talk(
  options: OpenAiAssistantOptions,
  input: AssistantInput,
  signal: AbortSignal,
): AsyncGenerator<string, SearchDone | undefined, void> {
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content: systemPrompt(
        normaliseFacts(input.memory),
        replyLanguage(input.message, input.history),
      ),
    },
  ];
  if (input.systemPrompt) messages.push({ role: 'system', content: input.systemPrompt });
  for (const turn of input.history) {
    // A person from the agency spoke for it: the model sees their words as its side's.
    if (turn.role === 'agent')
      messages.push({ role: 'assistant', content: `(agent) ${turn.content}` });
    else messages.push({ role: turn.role, content: turn.content });
  }
  messages.push({ role: 'user', content: input.message });

  const maxRounds = options.maxToolRounds ?? 3;
  let text = '';
  let searched: SearchDone | undefined;
  for (let round = 0; ; round++) {
    // Text from a later round starts a new paragraph.
    let needsBreak = text !== '' && !/\s$/.test(text);
    const stream = streamChatRound({ ...options, messages, tools: [SEARCH_TOOL], signal });
    let step: IteratorResult<string, RoundResult>;
    try {
      step = await stream.next();
      while (!step.done) {
        if (needsBreak) {
          needsBreak = false;
          text += '\n\n';
          yield '\n\n';
        }
        text += step.value;
        yield step.value;
        step = await stream.next();
      }
    } finally {
      await stream.return({ content: '', toolCalls: [] });
    }
    const { content, toolCalls } = step.value;
    if (toolCalls.length === 0) {
      if (text.trim() === '') throw new ProviderError('the model gave an empty answer');
      return searched;
    }
    if (round >= maxRounds)
      throw new ProviderError(`the model kept calling tools after ${maxRounds} rounds`);

    messages.push({
      role: 'assistant',
      content: content === '' ? null : content,
      tool_calls: toolCalls,
    });
    for (const call of toolCalls) {
      if (call.function.name !== SEARCH_TOOL_NAME)
        throw new ProviderError(`unknown tool ${call.function.name}`);
      const facts = parseToolArguments(call.function.arguments);
      const page = await search(input, facts, signal);
      searched = { facts, page };
      messages.push({
        role: 'tool',
        tool_call_id: call.id,
        content: toolResult(facts, page, RECOMMENDATION_LIMIT),
      });
    }
  }
}

async function search(
  input: AssistantInput,
  facts: SearchFacts,
  signal: AbortSignal,
): Promise<ListingPage> {
  signal.throwIfAborted();
  const byPrice = facts.minPrice !== undefined || facts.maxPrice !== undefined;
  try {
    return await input.searchListings({
      ...facts,
      sort: byPrice ? 'price_asc' : 'relevance',
      limit: RECOMMENDATION_LIMIT,
    });
  } catch (error) {
    throw new SearchFailed(error);
  }
}

/**
 * For a request for a person (or a viewing): whether an agent is online right now and
 * what happens next, in the person's language, as the rule agent says it. A fact of this
 * moment, so it is not left to the model (which cannot know it); while the conversation
 * already waits for one, that it is in the queue. Undefined otherwise, or when presence
 * cannot be read.
 */
async function handoffNext(
  input: AssistantInput,
  read: Interpretation,
): Promise<string | undefined> {
  if (read.intent.kind !== 'human' && read.intent.kind !== 'viewing') return undefined;
  const online = await input.agentsOnline?.().catch(() => undefined);
  // Already waiting for one ("is anyone there?"): in the queue, as the rule agent says it.
  const mode = read.intent.kind === 'human' ? input.conversationMode : undefined;
  if ((await mode?.().catch(() => undefined)) === 'waiting')
    return textsFor(read.language).queued(online);
  return online === undefined ? undefined : textsFor(read.language).handoffNext(online);
}

/**
 * Why alerts asked for now cannot be saved, asked as the rule agent asks it (for the
 * search it understood, only when alerts are asked for and there is something to save);
 * undefined when they can, or were not asked for.
 */
async function saveRefusal(
  input: AssistantInput,
  read: Interpretation,
): Promise<SaveRefusal | undefined> {
  if (read.intent.kind !== 'notify' || Object.keys(read.facts).length === 0) return undefined;
  const may = (await input.maySaveSearches?.(read.facts)) ?? true;
  if (may === true) return undefined;
  return may === 'limit' ? 'limit' : 'account';
}

function finish(
  input: AssistantInput,
  read: Interpretation,
  responseText: string,
  searched: SearchDone | undefined,
  /** The memory to keep when no search was made; by default the memory as it was. */
  kept: SearchFacts = normaliseFacts(input.memory),
): AssistantOutcome {
  // Without a search the model only talked: nothing is recommended and memory stays.
  const facts = searched?.facts ?? kept;
  const reply: AssistantReply = {
    responseText,
    agent: 'openai',
    conversationId: input.conversationId,
    recommendations: searched?.page.items.slice(0, RECOMMENDATION_LIMIT) ?? [],
    appliedFilters: facts,
    language: read.language,
  };
  return { reply, memory: { summary: summarise(facts), facts }, intent: read.intent };
}
