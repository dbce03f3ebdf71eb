import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { composeWire, wireFormOf, withWireForm } from '../src/wire';

const listing = (n: number) => ({
  id: `l${n}`,
  title: `Flat ${n}`,
  price: 900 + n,
  images: ['/a.webp', '/b.webp'],
  features: ['pool'],
  createdAt: new Date(Date.UTC(2026, 0, n)),
  updatedAt: new Date(Date.UTC(2026, 1, n)),
  agent: null,
});

describe('composeWire', () => {
  it('gives what superjson gives for the whole object when the parts share nothing', () => {
    const shared = { n: 1 };
    const cases: Record<string, unknown>[] = [
      {
        userMessage: { id: 'm1', content: 'hi', createdAt: new Date(0), metadata: {} },
        run: { id: 'r1', status: 'completed', startedAt: new Date(1), error: null },
        assistantMessage: { id: 'm2', metadata: { recommendations: [listing(1), listing(2)] } },
        reply: { responseText: 'two', recommendations: [listing(1), listing(2)] },
      },
      { type: 'message.created', message: { id: 'x', createdAt: new Date(5) } },
      { a: null, b: undefined, c: 3, d: 'text', e: new Date(7), f: [new Date(8), 1] },
      { 'dotted.key': { 'inner.key': new Date(9), 'back\\slash': 1n } },
      { sets: { s: new Set([1, 2]), m: new Map([['k', new Date(10)]]) }, n: Number.NaN },
      // One object twice inside one part: superjson notes it, under the part's key here too.
      { part: { first: shared, second: shared, deep: { third: shared } }, other: { ok: true } },
      { plain: { only: ['json', 1, true, null] } },
    ];
    for (const parts of cases) {
      // Fresh copies for each side: wireFormOf remembers what it computed on each part.
      const expected = superjson.serialize(parts);
      expect(composeWire(parts)).toEqual(expected);
    }
  });

  it('notes a part that is also found inside itself under the part’s key', () => {
    const self: Record<string, unknown> = { name: 'loop', at: new Date(4) };
    self.me = self;
    const box = { inner: { x: 1 } as Record<string, unknown>, list: [] as unknown[] };
    box.inner.same = box.inner;
    box.list.push(box.inner, box);
    const parts = { self, box, tail: 1 };
    const composed = composeWire(parts);
    expect(composed).toEqual(superjson.serialize(parts));
  });

  it('uses the form a part already carries instead of walking it again', () => {
    const message = { id: 'm1', createdAt: new Date(0) };
    const carried = superjson.serialize({ id: 'm1', createdAt: new Date(0), marker: 'carried' });
    withWireForm(message, carried);
    const composed = composeWire({ message, n: 1 });
    expect((composed.json as { message: { marker?: string } }).message.marker).toBe('carried');
  });

  it('keeps parts that share an object equal in value to superjson’s round trip', () => {
    const recommendations = [listing(1), listing(2)];
    const parts = {
      assistantMessage: { id: 'm2', metadata: { recommendations } },
      reply: { responseText: 'two', recommendations },
    };
    const viaSuperjson = superjson.deserialize(superjson.serialize(parts));
    const composed = superjson.deserialize(composeWire(parts));
    expect(composed).toEqual(viaSuperjson);
    const reply = (composed as { reply: { recommendations: { createdAt: unknown }[] } }).reply;
    expect(reply.recommendations[1]!.createdAt).toEqual(new Date(Date.UTC(2026, 0, 2)));
    // The text on the wire is the same too: superjson writes both copies out in full.
    expect(JSON.stringify(composeWire(parts).json)).toBe(
      JSON.stringify(superjson.serialize(parts).json),
    );
  });

  it('caches each object part’s form on it, as wireFormOf does', () => {
    const run = { id: 'r1', at: new Date(3) };
    const composed = composeWire({ run });
    // The very form composeWire made, not one computed afresh.
    const form = wireFormOf(run);
    expect(form.json).toBe((composed.json as { run: unknown }).run);
    expect(form).toEqual(superjson.serialize({ id: 'r1', at: new Date(3) }));
  });
});
