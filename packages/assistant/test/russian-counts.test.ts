import type { SearchFacts } from '@parley/validators';
import { describe, expect, it } from 'vitest';
import { textsFor } from '../src/text';

/**
 * Counts are said as people say them, with the noun (and verb) agreeing with the number:
 * "1 вариант", "2 варианта", "5 вариантов", "21 вариант" — not "вариантов: 2".
 */
const ru = textsFor('ru');
const en = textsFor('en');
const tr = textsFor('tr');
const facts: SearchFacts = { location: 'Girne', propertyType: 'villa' };

describe('Russian counts agree with their numbers', () => {
  it.each([
    [1, 'нашёлся 1 вариант.'],
    [2, 'нашлось 2 варианта.'],
    [4, 'нашлось 4 варианта.'],
    [5, 'нашлось 5 вариантов.'],
    [11, 'нашлось 11 вариантов.'],
    [21, 'нашёлся 21 вариант.'],
    [22, 'нашлось 22 варианта.'],
  ])('found %i', (n, words) => {
    const line = ru.found(n, facts, n, 'top');
    expect(line).toBe(`По запросу «виллы в Кирении» ${words}`);
    expect(line).not.toMatch(/вариантов: /);
  });

  it.each([
    [1, 'найдётся 1 вариант. Вот он:'],
    [2, 'найдутся 2 варианта. Вот они:'],
    [3, 'найдутся 3 варианта. Вот они:'],
    [5, 'найдётся 5 вариантов. Вот они:'],
    [12, 'найдётся 12 вариантов. Вот первые 5:'],
  ])('relaxed %i', (n, words) => {
    const line = ru.relaxed({ kind: 'budget' }, n, Math.min(n, 5));
    expect(line).toBe(`Если не учитывать бюджет, ${words}`);
  });

  it('everything', () => {
    expect(ru.everything(1)).toBe('Сейчас в каталоге одно объявление. Вот оно:');
    expect(ru.everything(3)).toMatch(/^Сейчас в каталоге 3 объявления\./);
    expect(ru.everything(25)).toMatch(/^Сейчас в каталоге 25 объявлений\./);
  });

  it('English and Turkish say one listing as one', () => {
    expect(en.everything(1)).toBe('There is 1 listing right now. Here it is:');
    expect(en.everything(7)).toMatch(/^There are 7 listings right now\./);
    expect(tr.everything(1)).toBe('Şu anda 1 ilan var. İşte o ilan:');
  });
});
