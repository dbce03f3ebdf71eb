/**
 * Something the language model provider did wrong (HTTP error, timeout, garbled
 * stream, bad tool arguments, empty answer). These fall back to the rule agent.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
}

/**
 * The listing search failed while the model was using it. Not the provider's fault,
 * and the rule agent would hit it too, so it is rethrown rather than falling back.
 */
export class SearchFailed extends Error {
  override readonly name = 'SearchFailed';
  constructor(override readonly cause: unknown) {
    super('listing search failed', { cause });
  }
}
