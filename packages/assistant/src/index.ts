export { collectReply } from './collect';
export { describeSearch, summarise } from './describe';
export { matchesFacts } from './matches';
export { type MergeResult, mergeFacts, normaliseFacts } from './memory';
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
