import { describe, expect, it } from 'vitest';
import { readSseData } from '../src/openai/sse';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** Splits bytes at every `size`, cutting through lines and multi-byte characters. */
function split(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
  return parts;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(stream)) out.push(data);
  return out;
}

describe('readSseData', () => {
  const text =
    ': comment\r\ndata: {"a":"Gazimağusa"}\r\n\r\nevent: x\ndata: line one\ndata: line two\n\ndata:[DONE]\n\n';

  it.each([1, 2, 3, 7, 1000])('parses events split every %i bytes', async (size) => {
    expect(await collect(streamOf(split(text, size)))).toEqual([
      '{"a":"Gazimağusa"}',
      'line one\nline two',
      '[DONE]',
    ]);
  });

  it('keeps a last event that lacks its blank line', async () => {
    expect(await collect(streamOf(split('data: tail', 4)))).toEqual(['tail']);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of readSseData(stream)) break;
    expect(cancelled).toBe(true);
  });
});
