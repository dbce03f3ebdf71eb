import { describe, expect, it } from 'vitest';
import { createRulesAssistant } from '../src';
import { intentLabel } from '../src/intent';
import { interpret } from '../src/interpret';
import { memorySearch } from './fixtures/listings';
import { ask } from './helpers';

/** People, viewings, questions and errands asked in words the phrase tables do not hold. */
const read = (message: string, memory = {}) => {
  const r = interpret(message, memory);
  return { facts: r.facts, intent: intentLabel(r.intent), language: r.language };
};
const shown = { location: 'Lapta', rentType: 'sale' as const, propertyType: 'villa' as const };

describe('a person, in other words', () => {
  it('a verb of getting in touch with someone to get in touch with', () => {
    for (const message of [
      'could you put me through to a consultant',
      'transfer me to a member of staff please',
      'I would like to chat with a representative',
      'ofisinizden biriyle görüşebilir miyim',
      'yetkili birine bağlayın lütfen',
      'соедините меня с сотрудником',
      'с кем можно поговорить по этой вилле',
    ])
      expect(read(message, shown), message).toEqual({
        facts: shown,
        intent: 'human',
        language: expect.any(String),
      });
  });

  it('anyone, a customer service line, someone who can call', () => {
    for (const message of [
      'is there anybody I could speak with',
      'müşteri hizmetlerine bağlanabilir miyim',
      'beni arayacak bir danışman var mı',
      'тут есть кто-нибудь живой?',
    ])
      expect(read(message).intent, message).toBe('human');
  });

  it('a number to call, a call back, a consultation, how to reach you', () => {
    for (const message of [
      'send me a contact number please',
      'could I get a call back this evening',
      'how do I reach you',
      'telefon numaranızı verir misiniz',
      'sizinle nasıl iletişime geçebilirim',
      'оставьте ваш номер',
      'нужна консультация',
      'как мне с вами связаться',
      'давайте созвонимся с менеджером',
    ])
      expect(read(message).intent, message).toBe('human');
  });

  it('either alone is not a person', () => {
    expect(read('talk me through the options in girne').intent).toBe('search');
    expect(read('villa for a team of four people').intent).toBe('search');
    expect(read('ofise ulaşımı kolay daire').intent).toBe('search');
    expect(read('direct from the owner, no agents').intent).toBe('search');
    expect(read('I will talk to my husband and come back to you').intent).not.toBe('human');
  });
});

describe('a viewing, in other words', () => {
  it('"view" after a verb with a day or a listing, "show" with a day', () => {
    for (const message of [
      'we would love to view it on saturday',
      'can we view the first one',
      'could your agent show us the penthouse tomorrow morning',
      'pazar günü gösterebilir misiniz',
      'покажете квартиру завтра?',
      'when could I visit it?',
      'can we book a tour of the bungalow',
      'хотим подъехать посмотреть',
    ])
      expect(read(message, shown), message).toMatchObject({ facts: shown, intent: 'viewing' });
  });

  it('looking at one on a day, a Turkish object in the accusative, "when" and "on site"', () => {
    for (const message of [
      'can we go and look round it friday',
      'villayı ne zaman gezebiliriz',
      'pazar sabahı gelip bakalım',
      'yerinde görebilir miyiz',
    ])
      expect(read(message, shown), message).toMatchObject({ facts: shown, intent: 'viewing' });
    expect(read('looking at flats for next weekend in iskele').intent).toBe('search');
  });

  it('when a stay starts is not when to visit', () => {
    expect(read('show me studios for tomorrow').intent).toBe('search');
    expect(read('see what is available from saturday').intent).toBe('search');
    expect(read('покажите виллы на завтра').intent).toBe('search');
  });

  it('a sea view or a request to list is not a viewing', () => {
    expect(read('villa with sea view, that is all').intent).toBe('search');
    expect(read('show me the first one again', shown).intent).not.toBe('viewing');
  });
});

describe('questions that are not searches', () => {
  it('a nationality asking whether it may buy', () => {
    expect(read('can Iranians buy a flat here?').intent).toBe('question:buying');
    expect(read('ruslar burada mülk alabilir mi').intent).toBe('question:buying');
    expect(read('могут ли украинцы оформить покупку?').intent).toBe('question:buying');
  });

  it('whether buying is safe, and what it costs in taxes', () => {
    expect(read('is it safe to buy off plan from a developer?').facts).toEqual({});
    expect(read('is it safe to buy off plan from a developer?').intent).toBe('question:buying');
    expect(read('müteahhitten almak riskli mi').intent).toBe('question:buying');
    expect(read('насколько надежно покупать новостройку?').intent).toBe('question:buying');
    expect(read('what taxes do I pay when buying?').intent).toBe('question:buying');
    expect(read('a safe quiet area for a family villa').intent).toBe('search');
    expect(read('villas to buy with secure parking, in a safe area?').intent).toBe('search');
  });

  it('citizenship and residency asked with "will" or a Turkish particle', () => {
    expect(read('will I be able to get a residence permit?').intent).toBe('question:residency');
    expect(read('mülk alınca vatandaşlık hakkı var mı').intent).toBe('question:buying');
  });

  it('residency and title deeds are more particular than buying', () => {
    expect(read('if a foreigner buys a flat, do they get a residence permit?').intent).toBe(
      'question:residency',
    );
    expect(read('yabancı alıcıya hangi tapu veriliyor?').intent).toBe('question:title_deeds');
  });

  it('pitfalls and mortgages are buying questions', () => {
    expect(read('what pitfalls should I know about?').intent).toBe('question:buying');
    expect(read('konut kredisi çekebilir miyim').intent).toBe('question:buying');
    expect(read('дают ли кредит иностранцам?').intent).toBe('question:buying');
  });

  it('the paperwork of buying is a buying question', () => {
    expect(read('which documents are needed to buy a villa?').intent).toBe('question:buying');
    expect(read('satın almak için hangi evraklar lazım').intent).toBe('question:buying');
    expect(read('как проходит оформление покупки?').intent).toBe('question:buying');
  });

  it('what things cost is a prices question that keeps what it names', () => {
    expect(read('lefkoşada 3+1 evler kaça kiralanıyor')).toMatchObject({
      facts: { location: 'Lefkoşa', rentType: 'long_term', minBedrooms: 3, maxBedrooms: 3 },
      intent: 'question:prices',
    });
    expect(read('почем студии в Кирении?').intent).toBe('question:prices');
    expect(read('what do penthouses in iskele sell for').intent).toBe('question:prices');
    expect(read('are house prices rising in lapta?').intent).toBe('question:prices');
    expect(read('цена за метр в Искеле').intent).toBe('question:prices');
  });
});

describe('errands are off-topic, even with a town or a place abroad', () => {
  it('services of daily life', () => {
    for (const message of [
      'any good barber in kyrenia',
      'lefkoşada veteriner önerir misiniz',
      'где найти сантехника в Искеле',
      'dolar kuru ne kadar bugün',
      'when does the ferry leave for tasucu from girne',
      'паром в Мерсин когда',
      'are there good schools around lapta',
      'где можно поменять деньги в Фамагусте',
    ])
      expect(read(message).intent, message).toBe('off_topic');
  });

  it('a school named with a property is a search', () => {
    expect(read('3 bed house near a good school in lapta').intent).toBe('search');
  });

  it('an errand named as what the home should be near is part of the search', () => {
    expect(read('for rent close to the hospital in lefkosa').intent).toBe('search');
    expect(read('kiralık, okula yakın olsun').intent).toBe('search');
    expect(read('аренда рядом со школой').intent).toBe('search');
    expect(read('which hospital is best in girne').intent).toBe('off_topic');
  });

  it('"ortalama", "go for" and "в среднем" alone do not make a prices question', () => {
    expect(read('ortalama 600 sterlin kiralık daire').intent).toBe('search');
    expect(read('I would go for a villa in lapta').intent).toBe('search');
    expect(read('квартира в среднем за 700 фунтов').intent).toBe('search');
  });

  it('a place abroad is still outside the area', () => {
    expect(read('villas in paphos').intent).toBe('outside_area');
    for (const message of [
      'any flats in greece',
      'yunanistandan villa',
      'rum tarafında kiralık',
      'квартира в Турции',
      'дом в Мерсине',
    ])
      expect(read(message).intent, message).toBe('outside_area');
    expect(read('villa in the south of girne').intent).toBe('search');
  });
});

describe('alerts', () => {
  it('"if one turns up, write to me" with the halves apart, and "when new ... listed"', () => {
    for (const message of [
      'uygun bir şey çıkarsa lütfen bana mesaj atın',
      'если что-то найдется, скиньте мне',
      'пришлите уведомление о новых виллах',
      'email me once new flats get listed',
      'subscribe me to new listings in lapta',
      'подпишите меня на рассылку',
    ])
      expect(read(message).intent, message).toBe('notify');
  });

  it('an alert for something cheaper keeps the budget it saves', () => {
    const memory = { location: 'Lapta', rentType: 'long_term' as const, maxPrice: 900 };
    expect(read('let me know when cheaper ones come up', memory)).toEqual({
      facts: memory,
      intent: 'notify',
      language: 'en',
    });
    expect(read('cheaper please', memory).facts.maxPrice).toBe(720);
  });
});

describe('saving a search', () => {
  it.each([
    'save my search please',
    'can you save the searches I made',
    'aramamı kaydet',
    'bu aramayı kaydedebilir misiniz',
    'сохраните мой поиск',
    'сохрани, пожалуйста, поиск',
  ])('%s', (message) => {
    expect(read(message).intent, message).toBe('notify');
  });

  it('as a first message, asks what to look for instead of listing everything', async () => {
    const search = memorySearch();
    const out = await ask(createRulesAssistant(), 'save my search please', {
      searchListings: search.searchListings,
    });
    expect(out.reply.responseText).toMatch(/Tell me what you're looking for first/);
    expect(out.reply.recommendations).toEqual([]);
    expect(search.queries).toHaveLength(0);
  });

  it('"save" near another word is not saving a search', () => {
    expect(read('search for a villa, save money').intent).toBe('search');
  });
});
