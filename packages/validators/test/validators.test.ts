import { describe, expect, it } from 'vitest';
import {
  apiKeyCreateInput,
  findTown,
  listingCreateInput,
  listingFields,
  registerInput,
  sessionSendInput,
  townsMatching,
  uuid,
  webhookUrl,
} from '../src';

describe('uuid()', () => {
  it.each(['undefined', 'null', ''])(
    'refuses %j with a message saying the id is missing',
    (bad) => {
      const result = uuid().safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/missing/);
    },
  );
  it('refuses a non-UUID and accepts a UUIDv7', () => {
    expect(uuid().safeParse('abc').success).toBe(false);
    expect(uuid().safeParse('01935e2c-7f4a-7c3e-8d0b-3a1f2b4c5d6e').success).toBe(true);
  });
});

describe('locations', () => {
  it('finds a town by any alias, case- and accent-insensitively', () => {
    expect(findTown('KYRENIA')?.name).toBe('Girne');
    expect(findTown('gazimagusa')?.name).toBe('Gazimağusa');
    expect(findTown('Iskele')?.name).toBe('İskele');
    expect(findTown('karsiyaka')?.name).toBe('Karşıyaka');
    expect(findTown('London')).toBeUndefined();
  });
  it('expands a district to its towns, and a town to itself', () => {
    expect(townsMatching('Kyrenia').sort()).toEqual(
      ['Alsancak', 'Bellapais', 'Esentepe', 'Girne', 'Karşıyaka', 'Lapta'].sort(),
    );
    expect(townsMatching('Lapithos')).toEqual(['Lapta']);
  });
});

describe('listing prices', () => {
  const base = {
    title: 'Flat',
    description: 'Nice',
    location: 'Girne',
    rentType: 'long_term',
    propertyType: 'apartment',
    bedrooms: 2,
    bathrooms: 1,
    areaSqm: 80,
  } as const;
  it('accepts two decimal places and refuses three', () => {
    expect(listingFields.safeParse({ ...base, price: 950.25 }).success).toBe(true);
    expect(listingFields.safeParse({ ...base, price: 950.255 }).success).toBe(false);
  });
  it('says a lone coordinate is wrong even when another field is too, so a form hears both', () => {
    const result = listingCreateInput.safeParse({ ...base, title: 'ab', price: 900, lat: 35.3 });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['title', 'Too small: expected string to have >=3 characters'],
      ['lat', 'lat and lng go together'],
    ]);
  });
  it('refuses input that is no object with one issue, without reading its fields', () => {
    for (const input of [undefined, null, 'flat', 42]) {
      const result = listingCreateInput.safeParse(input);
      expect(result.error?.issues.map((i) => i.code)).toEqual(['invalid_type']);
    }
  });
  it('does not add the pairing rule to a coordinate that is itself wrong', () => {
    const result = listingCreateInput.safeParse({ ...base, price: 900, lat: 135, lng: null });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['lat']);
  });
});

describe('text a person sends', () => {
  const send = (content: string) =>
    sessionSendInput.safeParse({
      sessionId: '00000000-0000-4000-8000-000000000001',
      clientMessageId: '00000000-0000-4000-8000-000000000002',
      content,
    });
  it('refuses a message of spaces or invisible characters only, naming content', () => {
    for (const blank of ['   ', '\u200b\u200b', '\ufeff \u2060', '\u00ad\n\u200d']) {
      const result = send(blank);
      expect(result.success, JSON.stringify(blank)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['content']);
    }
    expect(send('\u200bhi').success).toBe(true);
    expect(send('👍').success).toBe(true);
  });

  it('refuses a webhook URL with a line break or tab (the URL parser would drop it)', () => {
    for (const url of ['https://example.com/\nhook', 'https://exa\tmple.com/hook']) {
      expect(webhookUrl.safeParse(url).success, JSON.stringify(url)).toBe(false);
    }
    expect(webhookUrl.safeParse('https://example.com/hook').success).toBe(true);
  });

  it('refuses a name that shows nothing or reads backwards, naming name', () => {
    const register = (name: string) =>
      registerInput.safeParse({ email: 'a@example.com', password: 'long enough 123', name });
    for (const bad of ['\u200b', '\u202e', ' \u2060 ', 'nimdA\u202e', 'Ali\u2066ce']) {
      for (const result of [
        register(bad),
        apiKeyCreateInput.safeParse({ name: bad, scopes: ['sessions:write'] }),
      ]) {
        expect(result.success, JSON.stringify(bad)).toBe(false);
        expect(result.error?.issues[0]?.path).toEqual(['name']);
      }
    }
    expect(register('Aylin Yılmaz').success).toBe(true);
    expect(register('Мария').success).toBe(true);
    expect(register('سارا').success).toBe(true); // right-to-left script itself is fine
  });
});
