export { collectReply } from './collect';
export {
  type AssistantConfig,
  assistantConfig,
  createAssistant,
  type OpenAiSettings,
  openAiSettings,
} from './create';
export { describeSearch, summarise } from './describe';
export { matchesFacts } from './matches';
export { type MergeResult, mergeFacts, normaliseFacts } from './memory';
export { createOpenAiAssistant, type OpenAiAssistantOptions } from './openai/assistant';
export { SEARCH_TOOL } from './openai/tool';
export { createRulesAssistant, RECOMMENDATION_LIMIT } from './rules/assistant';
export type {
  Assistant,
  AssistantInput,
  AssistantLogger,
  AssistantOutcome,
  ChatTurn,
  SearchListings,
} from './types';
export { type FactGroup, type Understanding, understand } from './understand';
