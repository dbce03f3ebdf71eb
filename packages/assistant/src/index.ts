export type {
  Assistant,
  AssistantInput,
  AssistantLogger,
  AssistantOutcome,
  ChatTurn,
  SearchListings,
} from './types';
export { collectReply } from './collect';
export { createRulesAssistant, RECOMMENDATION_LIMIT } from './rules/assistant';
export { understand, type Understanding, type FactGroup } from './understand';
export { mergeFacts, normaliseFacts, type MergeResult } from './memory';
export { matchesFacts } from './matches';
export { describeSearch, summarise } from './describe';
