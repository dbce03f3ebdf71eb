import { z } from 'zod';
import { createOpenAiAssistant } from './openai/assistant';
import { createRulesAssistant } from './rules/assistant';
import type { Assistant, AssistantLogger } from './types';

/** Settings for the optional LLM provider. */
export const openAiSettings = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  model: z.string().min(1),
  timeoutMs: z.number().int().positive().max(300_000),
});
export type OpenAiSettings = z.infer<typeof openAiSettings>;

/** Which agent answers. Parse it in the app's env.ts so a bad value stops the start. */
export const assistantConfig = z
  .object({
    provider: z.enum(['rules', 'openai']),
    openai: openAiSettings.optional(),
  })
  .refine((config) => config.provider !== 'openai' || config.openai !== undefined, {
    message: 'is required when provider is "openai"',
    path: ['openai'],
  });
export type AssistantConfig = z.infer<typeof assistantConfig>;

/** The configured agent: rules, or OpenAI with the rule agent as its fallback. */
export function createAssistant(
  config: AssistantConfig,
  deps: { logger?: AssistantLogger } = {},
): Assistant {
  const { provider, openai } = assistantConfig.parse(config);
  const rules = createRulesAssistant();
  if (provider === 'rules' || openai === undefined) return rules;
  return createOpenAiAssistant({ ...openai, fallback: rules, logger: deps.logger });
}
