import { listingCreateInput, registerInput, webhookCreateInput } from '@parley/validators';
import { beforeEach, describe, expect, it } from 'vitest';
import { startTestI18n } from '../../test/i18n';
import { i18n } from '../i18n/i18n';
import { localFieldMessage, localFieldMessages } from './field-messages';

/** The message of every issue the shared schema finds in `input`. */
const messagesOf = (
  schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } },
  input: unknown,
) => (schema.safeParse(input).error?.issues ?? []).map((issue) => issue.message);

const listing = {
  title: 'Harbour flat',
  description: 'By the sea',
  location: 'Girne',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 80,
  price: 900,
};

describe('localFieldMessage', () => {
  beforeEach(() => startTestI18n('en'));

  it('has a sentence of its own for every message the listing, sign-up and webhook schemas give', () => {
    const messages = [
      ...messagesOf(listingCreateInput, {
        ...listing,
        title: 'ab',
        bedrooms: 1.5,
        price: 9.999,
        lat: 1,
      }),
      ...messagesOf(listingCreateInput, { ...listing, bedrooms: -1, bathrooms: 51, price: 0 }),
      ...messagesOf(listingCreateInput, { ...listing, price: Number.NaN, areaSqm: undefined }),
      ...messagesOf(listingCreateInput, { ...listing, location: 'Atlantis', lat: 95, lng: 0 }),
      ...messagesOf(listingCreateInput, { ...listing, title: 'x'.repeat(201) }),
      ...messagesOf(registerInput, { email: 'nope', password: 'short', name: '\u202Eevil' }),
      ...messagesOf(webhookCreateInput, { url: 'ftp://example.com', events: ['message.created'] }),
      ...messagesOf(webhookCreateInput, {
        url: 'https://u:p@example.com',
        events: ['message.created'],
      }),
      ...messagesOf(webhookCreateInput, {
        url: 'https://example.com/#x',
        events: ['message.created'],
      }),
    ];
    expect(messages.length).toBeGreaterThanOrEqual(16);
    const generic = i18n.t('fieldErrors.invalid', { field: 'Field' });
    for (const message of messages) {
      expect([message, localFieldMessage('Field', message)]).not.toEqual([message, generic]);
    }
  });

  it('says numbers, bounds and pairs as sentences about the field', () => {
    expect(localFieldMessage('Bedrooms', 'Invalid input: expected int, received number')).toBe(
      'Bedrooms must be a whole number',
    );
    expect(localFieldMessage('Bathrooms', 'Too big: expected number to be <=50')).toBe(
      'Bathrooms must be at most 50',
    );
    expect(localFieldMessage('Price', 'Too small: expected number to be >0')).toBe(
      'Price must be a number above 0',
    );
    expect(localFieldMessage('Price', 'Invalid input: expected number, received NaN')).toBe(
      'Price must be a number',
    );
    expect(localFieldMessage('Latitude', 'lat and lng go together')).toBe(
      'Give both latitude and longitude, or neither',
    );
  });

  it('says an empty field is empty, whatever else the server found', () => {
    expect(localFieldMessage('Email', 'must be a valid email address', '  ')).toBe(
      'Email is required',
    );
  });

  it('never shows the server’s English on a Turkish or Russian page', async () => {
    await startTestI18n('tr');
    expect(
      localFieldMessage(
        'Adres',
        'loopback address 127.0.0.1; webhooks must reach a public address',
      ),
    ).toBe('Adres özel veya yerel değil, internetteki herkese açık bir adrese ulaşmalı');
    expect(localFieldMessage('Adres', 'Something never seen')).toBe(
      'Adres geçerli değil; lütfen kontrol edin',
    );
    await startTestI18n('ru');
    expect(localFieldMessage('Адрес', 'the host nowhere.invalid does not resolve')).toBe(
      'Адрес: сервер nowhere.invalid не существует',
    );
  });

  it("says POST /media's words about a file with the file's name, in the language on screen", async () => {
    expect(localFieldMessage('bad.txt', 'the file is not a picture')).toBe(
      'bad.txt is not a picture (JPEG, PNG or WebP)',
    );
    expect(localFieldMessage('a.gif', 'pictures must be JPEG, PNG or WebP (this one is gif)')).toBe(
      'a.gif must be a JPEG, PNG or WebP picture',
    );
    expect(localFieldMessage('big.jpg', 'the file is larger than 10485760 bytes (10 MB)')).toBe(
      'big.jpg is larger than 10 MB',
    );
    await startTestI18n('tr');
    expect(localFieldMessage('bad.txt', 'the file is not a picture')).toBe(
      'bad.txt bir resim değil (JPEG, PNG veya WebP)',
    );
  });

  it('says each message about a field once (an empty field is required and blank)', () => {
    expect(localFieldMessages('Key name', ['is required', 'must not be blank'])).toEqual([
      'Key name is required',
    ]);
    expect(localFieldMessages('Key name', undefined)).toBeUndefined();
  });
});
