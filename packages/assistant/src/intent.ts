import type { QuestionTopic } from './understand/intents';

/**
 * What the person wanted from a message, as a structured outcome the caller can act
 * on: `human` and `viewing` ask for a person, `notify` for a saved search.
 */
export type AssistantIntent =
  | { kind: 'search' }
  | { kind: 'refine' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'reset' }
  | { kind: 'human' }
  | { kind: 'viewing' }
  | { kind: 'notify' }
  | { kind: 'question'; topic: QuestionTopic }
  | { kind: 'off_topic' }
  | { kind: 'outside_area'; place: string };

export type IntentKind = AssistantIntent['kind'];

/** "question:buying", "outside_area", "search": one label per intent, for tables and logs. */
export function intentLabel(intent: AssistantIntent): string {
  return intent.kind === 'question' ? `question:${intent.topic}` : intent.kind;
}
