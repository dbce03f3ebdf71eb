export { collectReply } from './collect';
export {
  type AssistantConfig,
  assistantConfig,
  createAssistant,
  type OpenAiSettings,
  openAiSettings,
} from './create';
export { describeSearch, summarise } from './describe';
export { type AssistantIntent, type IntentKind, intentLabel } from './intent';
export { type Interpretation, interpret, type Note } from './interpret';
export { matchesFacts } from './matches';
export { type MergeResult, mergeFacts, normaliseFacts } from './memory';
export { createOpenAiAssistant, type OpenAiAssistantOptions } from './openai/assistant';
export { SEARCH_TOOL } from './openai/tool';
export { createRulesAssistant, RECOMMENDATION_LIMIT } from './rules/assistant';
export { textsFor } from './text';
export { formatMoney } from './text/money';
export type {
  Assistant,
  AssistantInput,
  AssistantLogger,
  AssistantOutcome,
  ChatTurn,
  SaveRefusal,
  SearchListings,
} from './types';
export { type FactGroup, type Understanding, understand } from './understand';
export { detectLanguage, replyLanguage } from './understand/language';
/** The one linear pass every reading starts with; `pnpm bench` uses it as assistant.read's baseline. */
export { tokenize } from './understand/tokens';
