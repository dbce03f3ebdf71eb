import type { SearchFacts } from '@parley/validators';
import { describeSearch } from '../describe';

/** Parley's own instructions; a conversation's system prompt is added after them. */
export function systemPrompt(memory: SearchFacts): string {
  const known =
    Object.keys(memory).length === 0
      ? 'nothing yet'
      : `${describeSearch(memory)} (${JSON.stringify(memory)})`;
  return [
    'You are Parley, a friendly real-estate assistant for North Cyprus.',
    'Help people find property to rent long-term, to stay in for a holiday, or to buy.',
    'Before recommending anything, call search_listings with the complete set of filters the person wants now: what they asked for earlier plus this message.',
    'Mention only listings returned by search_listings, with their price (currency and period), bedrooms and town.',
    'If nothing matches, say so and suggest which filter to relax.',
    'For greetings or questions about what you can do, answer briefly without searching.',
    'Keep answers short and plain.',
    `What the person asked for so far: ${known}.`,
  ].join('\n');
}
