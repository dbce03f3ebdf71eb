import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../api';
import { clearDrafts, type Draft, draftOf, readDraft, textToRestore, writeDraft } from './draft';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  key: over.clientMessageId ?? over.id ?? 'k',
  id: null,
  clientMessageId: null,
  role: 'user',
  author: null,
  content: '',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  replyToId: null,
  metadata: {},
  status: 'sent',
  error: null,
  reply: null,
  run: null,
  ...over,
});

const stored = message({ id: 'm1', clientMessageId: 'c1', content: 'flat in Girne' });
const failed = message({ clientMessageId: 'c2', content: 'with a pool?', status: 'failed' });

describe('draftOf', () => {
  it('keeps our messages not stored yet and the text in the box', () => {
    expect(draftOf([stored, failed], 'and parking')).toEqual({
      unsent: [{ clientMessageId: 'c2', content: 'with a pool?' }],
      typed: 'and parking',
    });
  });

  it('is nothing when everything was sent and the box is empty', () => {
    expect(draftOf([stored], '  ')).toBeNull();
  });
});

describe('textToRestore', () => {
  const draft: Draft = {
    unsent: [{ clientMessageId: 'c2', content: 'with a pool?' }],
    typed: 'and parking',
  };

  it('puts the unsent messages back, then what was typed', () => {
    expect(textToRestore(draft, [stored])).toBe('with a pool?\n\nand parking');
  });

  it('leaves out a message that did arrive after all', () => {
    const arrived = message({ id: 'm2', clientMessageId: 'c2', content: 'with a pool?' });
    expect(textToRestore(draft, [stored, arrived])).toBe('and parking');
  });

  it('is empty without a draft', () => {
    expect(textToRestore(null, [stored])).toBe('');
  });
});

describe('readDraft and writeDraft', () => {
  afterEach(() => localStorage.clear());

  it('keep a draft per conversation, and forget it when there is none', () => {
    const draft: Draft = { unsent: [], typed: 'hello' };
    writeDraft('a', draft);
    expect(readDraft('a')).toEqual(draft);
    expect(readDraft('b')).toBeNull();
    writeDraft('a', null);
    expect(readDraft('a')).toBeNull();
  });

  it('are all forgotten on sign-out, and nothing else is', () => {
    writeDraft('a', { unsent: [], typed: 'my phone is 0533 000 00 00' });
    writeDraft('b', { unsent: [{ clientMessageId: 'c', content: 'hi' }], typed: '' });
    localStorage.setItem('parley.language', 'tr');
    clearDrafts();
    expect(readDraft('a')).toBeNull();
    expect(readDraft('b')).toBeNull();
    expect(localStorage.getItem('parley.language')).toBe('tr');
  });

  it('read a damaged entry as no draft', () => {
    localStorage.setItem('parley.draft.a', '{not json');
    expect(readDraft('a')).toBeNull();
  });
});
