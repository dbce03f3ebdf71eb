import type { SearchFacts } from '@parley/validators';

/** One labelled request: the facts and intent a good local agent would take from it. */
export interface EvalCase {
  message: string;
  /** What the conversation already held; empty when left out. */
  memory?: SearchFacts;
  facts: SearchFacts;
  /** As `intentLabel` writes it: "search", "refine", "question:buying", ... */
  intent: string;
}
