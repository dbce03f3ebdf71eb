import type { Listing, ListingPage, ListingSort, SearchFacts } from '@parley/validators';
import type { Texts } from '../text';
import type { ChatTurn } from '../types';

/**
 * "tell me more about the new one" after an alert: the API posts each alert into the chat
 * its search was saved from as a `system` message (packages/api/src/alerts/texts.ts,
 * `alertLine`), which the history carries. The newest such line names the listing; it is
 * found again by its title (one search, on this turn only) and described. With no alert in
 * sight, or the listing gone, the reply says it cannot tell which one and offers the
 * Alerts page or an agent.
 */

/** The alert lines of alertLine in each language, up to the listing's title. */
const ALERT_LINE =
  /^(?:New listing for your saved search "[^"]*"|Price drop for your saved search "[^"]*"|Kayıtlı aramanız "[^"]*" için (?:yeni ilan|fiyat düştü)|Новое объявление по сохранённому поиску «[^»]*»|Цена снижена по сохранённому поиску «[^»]*»): (.+)\.$/su;
/** A price drop ends ", now £800 (was £900)"; a new listing ends ", £900/month". */
const PRICE_DROP = /, (?:now|şimdi|теперь) [^,]*\([^)]*\)$/u;

/** The title of the listing the newest alert in the history names, if any. */
export function alertedTitle(history: readonly ChatTurn[]): string | undefined {
  const line = history.findLast((turn) => turn.role === 'system' && ALERT_LINE.test(turn.content));
  const rest = line === undefined ? undefined : ALERT_LINE.exec(line.content)?.[1];
  if (rest === undefined) return undefined;
  const dropped = rest.replace(PRICE_DROP, '');
  // Prices are written without ", " ("£1,200/month"), so the last one ends the title.
  const title = dropped === rest ? rest.slice(0, rest.lastIndexOf(', ')) : dropped;
  return title.trim().length > 0 ? title.trim() : undefined;
}

export async function answerAboutAlerted(
  t: Texts,
  history: readonly ChatTurn[],
  search: (facts: SearchFacts, sort: ListingSort) => Promise<ListingPage>,
): Promise<string[]> {
  const title = alertedTitle(history);
  if (title === undefined) return t.alertedUnknown();
  const page = await search({ q: title.slice(0, 200) }, 'relevance');
  const listing: Listing | undefined = page.items.find((item) => item.title === title);
  return listing === undefined ? t.alertedUnknown() : t.alerted(listing);
}
