import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, LOCALES } from './languages';
import en from './locales/en.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';

/**
 * A missing or half-made translation fails the build: every language has every key,
 * with the same placeholders and markup, and each plural has exactly the forms its
 * language's plural rules (Intl.PluralRules, as i18next uses them) ask for.
 */
const RESOURCES: Record<Language, unknown> = { en, tr, ru };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = '', out = new Map<string, string>()) {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value)); // reported below as not a string
  return out;
}

/** `{{count, number}}` -> `count, number`; `<chat>` -> `<chat>`: what a translation must keep. */
function tokens(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) =>
    m[1]!.replace(/\s*,\s*/g, ', '),
  );
  const tags = [...text.matchAll(/<\/?[a-z0-9]+>/gi)].map((m) => m[0]);
  return [...new Set([...placeholders, ...tags])].sort();
}

interface Entry {
  /** Plural forms present; undefined for a plain key. */
  forms?: string[];
  tokens: string[];
  empty: boolean;
}

function entries(resource: unknown): Map<string, Entry> {
  const byKey = new Map<string, Entry>();
  for (const [key, text] of flatten(resource)) {
    const plural = PLURAL.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const entry = byKey.get(base) ?? { tokens: [], empty: false };
    if (plural) entry.forms = [...(entry.forms ?? []), plural[1]!].sort();
    entry.tokens = [...new Set([...entry.tokens, ...tokens(text)])].sort();
    entry.empty ||= text.trim() === '';
    byKey.set(base, entry);
  }
  return byKey;
}

/** Everything wrong with `resource` as the `language` translation of `reference`. */
function problems(reference: unknown, resource: unknown, language: Language): string[] {
  const expected = entries(reference);
  const own = entries(resource);
  const categories = [
    ...new Intl.PluralRules(LOCALES[language]).resolvedOptions().pluralCategories,
  ].sort();
  const found: string[] = [];
  for (const key of own.keys()) if (!expected.has(key)) found.push(`${key}: not in English`);
  for (const [key, want] of expected) {
    const got = own.get(key);
    if (!got) {
      found.push(`${key}: missing`);
      continue;
    }
    if (got.empty) found.push(`${key}: empty`);
    if (got.tokens.join() !== want.tokens.join())
      found.push(`${key}: has ${got.tokens.join(' ')} instead of ${want.tokens.join(' ')}`);
    if (Boolean(got.forms) !== Boolean(want.forms))
      found.push(`${key}: plural in one language only`);
    else if (got.forms && got.forms.join() !== categories.join())
      found.push(`${key}: forms ${got.forms.join(' ')} instead of ${categories.join(' ')}`);
  }
  return found;
}

describe.each(LANGUAGES)('the %s translation', (language) => {
  it('has every key, placeholder, tag and plural form it needs, and nothing else', () => {
    expect(problems(en, RESOURCES[language], language)).toEqual([]);
  });
});

describe('the translation check', () => {
  it('finds a missing key, a lost placeholder, a missing plural form and an empty string', () => {
    const reference = {
      a: 'Hello {{name}}',
      list: { count_one: '{{count}} item', count_other: '{{count}} items' },
      link: 'Try the <chat>chat</chat>',
      gone: 'Gone',
    };
    const broken = {
      a: 'Merhaba',
      list: { count_one: '{{count}} штука', count_few: '{{count}} штуки' },
      link: '',
      extra: 'Extra',
    };
    expect(problems(reference, broken, 'ru')).toEqual([
      'extra: not in English',
      'a: has  instead of name',
      'list.count: forms few one instead of few many one other',
      'link: empty',
      'link: has  instead of </chat> <chat>',
      'gone: missing',
    ]);
  });
});
