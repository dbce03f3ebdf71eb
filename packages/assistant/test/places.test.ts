import { describe, expect, it } from 'vitest';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';

/** Villages, campuses and sights read as the district a local agent would search. */
const read = (message: string, memory = {}) => {
  const r = interpret(message, memory);
  return { facts: r.facts, intent: intentLabel(r.intent), language: r.language };
};

describe('places beyond the towns', () => {
  it('reads more villages as their district, in Latin and Cyrillic, with endings', () => {
    expect(read('bungalow in Akanthou').facts.location).toBe('Gazimağusa');
    expect(read('Tatlısu sahilinde yazlık').facts.location).toBe('Gazimağusa');
    expect(read('tatlisudan satilik arsa degil villa').facts.location).toBe('Gazimağusa');
    expect(read('дом в Татлису').facts.location).toBe('Gazimağusa');
    expect(read('квартира недалеко от Гёнели').facts.location).toBe('Lefkoşa');
    expect(read('penthouse in Kayalar').facts.location).toBe('Girne');
    expect(read('villa in Kervansaray').facts.location).toBe('Girne');
    expect(read('dereboyunda kiralık stüdyo').facts.location).toBe('Lefkoşa');
    expect(read('mersinlikte müstakil').facts.location).toBe('İskele');
    expect(read('flat near Golden Beach').facts.location).toBe('İskele');
    expect(read('yedidalgada ev').facts.location).toBe('Güzelyurt');
    expect(read('cottage in Karaman').facts.location).toBe('Girne');
    expect(read('bungalow in Galinoporni').facts.location).toBe('İskele');
    expect(read('kaplıcada yazlık').facts.location).toBe('Gazimağusa');
    expect(read('дом в Бюйюкконуке').facts.location).toBe('İskele');
  });

  it('reads universities and sights as the district of their town', () => {
    expect(read('room for a student close to DAU').facts.location).toBe('Gazimağusa');
    expect(read("DAÜ'ye yürüme mesafesinde daire").facts.location).toBe('Gazimağusa');
    expect(read('1+1 near the Eastern Mediterranean University').facts.location).toBe('Gazimağusa');
    expect(read('studio walking distance to Near East University').facts.location).toBe('Lefkoşa');
    expect(read('yakın doğuya yakın 1+1').facts.location).toBe('Lefkoşa');
    expect(read('flat next to CIU').facts.location).toBe('Lefkoşa');
    expect(read('квартира у Ближневосточного университета').facts.location).toBe('Lefkoşa');
    expect(read('gau ogrencisiyim, kiralik 1+0').facts.location).toBe('Girne');
    expect(read('metu ncc campus rooms').facts.location).toBe('Güzelyurt');
    expect(read('odtüye yakın kiralık').facts.location).toBe('Güzelyurt');
    expect(read('house with a view of St Hilarion').facts.location).toBe('Girne');
  });

  it('a place named to live in wins over a landmark named to be near', () => {
    expect(read('studio close to Ercan').facts.location).toBe('Lefkoşa');
    expect(read('I land at Ercan on monday, need a flat in Lapta').facts.location).toBe('Lapta');
    expect(read('studying at DAU but want to live in Iskele').facts.location).toBe('İskele');
    expect(read('airport transfer from ercan to girne').intent).toBe('off_topic');
  });

  it('a long village name two letters off is still found; an unrelated word is not', () => {
    expect(read('villa in karaoglanolgu').facts.location).toBe('Girne');
    expect(read('квартира в Караогланогло').facts.location).toBe('Girne');
    expect(read('villa in mediterranean style').facts.location).toBeUndefined();
  });

  it('an abbreviation is not found inside ordinary words, nor in Cyrillic', () => {
    expect(read('ему нужна квартира').facts.location).toBeUndefined();
    expect(read('a new flat, emulsion paint').facts.location).toBeUndefined();
  });

  it('a negation before or after a list of places leaves out every place in it', () => {
    expect(read('lapta ve alsancak dışında').facts.excludeLocations).toEqual(['Lapta', 'Alsancak']);
    expect(read('anything except iskele or famagusta').facts.excludeLocations).toEqual([
      'İskele',
      'Gazimağusa',
    ]);
    expect(read('кроме Никосии и Фамагусты').facts.excludeLocations).toEqual([
      'Lefkoşa',
      'Gazimağusa',
    ]);
    // A district with one of its towns left out.
    expect(read('girne, karsiyaka haric').facts).toEqual({
      location: 'Girne',
      excludeLocations: ['Karşıyaka'],
    });
    expect(read('lapta or alsancak').facts.location).toBe('Lapta');
  });

  it("a negation after a place is the place's, not the property or feature named before it", () => {
    expect(read('kiralık daire Girne hariç').facts).toEqual({
      rentType: 'long_term',
      propertyType: 'apartment',
      excludeLocations: ['Girne'],
    });
    expect(read('satılık havuzlu villa Lefkoşa dışında').facts).toEqual({
      rentType: 'sale',
      propertyType: 'villa',
      features: ['pool'],
      excludeLocations: ['Lefkoşa'],
    });
    // Said of the thing itself, the negation still refuses it.
    expect(read('kiralık daire olmasın').facts.propertyType).toBeUndefined();
  });

  it('a place with a Turkish case ending makes the message Turkish', () => {
    expect(read('larnakada daire').language).toBe('tr');
    expect(read('lefkosadan villa').language).toBe('tr');
    expect(read('emuya yakin 1+1').language).toBe('tr');
    expect(read('paphosta 2+1').intent).toBe('outside_area');
    expect(read('paphosta 2+1').language).toBe('tr');
    expect(read('villa in paphos').language).toBe('en');
  });
});
