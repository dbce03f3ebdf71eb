import { describe, expect, it } from 'vitest';
import { type ChatTurn, createRulesAssistant } from '../src';
import { interpret } from '../src/interpret';
import { makeListings, memorySearch } from './fixtures/listings';
import { ask, expectWellFormed } from './helpers';

/**
 * "tell me more about the new one" after an alert: the API posts each alert into the chat
 * as a `system` message the history carries (packages/api/src/alerts/texts.ts), so the
 * assistant answers about that listing; with no alert to see, it says it cannot tell which
 * one and offers the Alerts page or an agent, instead of "nothing new" and a re-list.
 */
const rules = createRulesAssistant();
const listing = makeListings().find((l) => l.rentType === 'long_term' && l.features.length > 0)!;
const memory = { location: listing.location, rentType: 'long_term' as const };
const alertLines = [
  `New listing for your saved search "Flats in Girne": ${listing.title}, £1,200/month.`,
  `Price drop for your saved search "Flats in Girne": ${listing.title}, now £900/month (was £1,000/month).`,
  `Kayıtlı aramanız "Girne daireler" için yeni ilan: ${listing.title}, £900 aylık.`,
  `Новое объявление по сохранённому поиску «Квартиры в Кирении»: ${listing.title}, 900 £ в месяц.`,
];
const turns = (alert?: string): ChatTurn[] => [
  { role: 'user', content: 'let me know when a flat comes up' },
  { role: 'assistant', content: "I'll save this search." },
  ...(alert === undefined ? [] : [{ role: 'system' as const, content: alert }]),
];

describe('the listing an alert posted', () => {
  it.each([
    ['tell me more about the new one', 0, /The new listing from your alert/],
    ['what about the new listing?', 1, /The new listing from your alert/],
    ['yeni ilan hakkında bilgi verir misiniz', 2, /Bildirimdeki yeni ilan/],
    ['расскажите подробнее о новом объявлении', 3, /Новое объявление из уведомления/],
    ['а что за новый вариант?', 3, /Новое объявление из уведомления/],
  ])('%s', async (message, line, words) => {
    const search = memorySearch();
    const { reply, pieces, intent } = await ask(rules, message, {
      searchListings: search.searchListings,
      memory,
      history: turns(alertLines[line]),
    });
    expectWellFormed(reply, pieces);
    expect(intent).toEqual({ kind: 'question', topic: 'listing' });
    expect(reply.responseText).toMatch(words);
    expect(reply.responseText).toContain(listing.title);
    expect(reply.responseText).not.toMatch(/didn't catch/);
    expect(search.queries).toHaveLength(1);
  });

  it.each([
    [
      'tell me more about the new one',
      /can't tell which new listing.*Alerts page.*talk to an agent/,
    ],
    ['yeni çıkan ilan nasıl?', /anlayamadım.*Bildirimler/],
    ['а что за новое объявление?', /Не могу понять.*«Уведомления».*позовите агента/],
  ])('with no alert in the chat: %s', async (message, words) => {
    const { reply } = await ask(rules, message, {
      searchListings: memorySearch().searchListings,
      memory,
      history: turns(),
    });
    expect(reply.responseText).toMatch(words);
    expect(reply.recommendations).toEqual([]);
  });

  it('a listing gone since the alert is not guessed at', async () => {
    const { reply } = await ask(rules, 'tell me more about the new one', {
      searchListings: memorySearch([]).searchListings,
      memory,
      history: turns(alertLines[0]),
    });
    expect(reply.responseText).toMatch(/can't tell which new listing/);
  });

  it.each([
    ['a new flat in Girne', 'search'],
    ['start a new search', 'reset'],
    ['новую квартиру в Кирении', 'search'],
    ['yeni bir daire arıyorum', 'search'],
    ['Yeni ilan çıkınca haber verin', 'notify'],
    ['let me know when a new one comes up', 'notify'],
    ['сообщите, когда появится новое объявление', 'notify'],
  ])('a search or an alert request stays one: %s', (message, kind) => {
    expect(interpret(message, {}).intent.kind).toBe(kind);
  });
});
