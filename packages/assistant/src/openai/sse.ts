/**
 * The `data:` payloads of a server-sent event stream, one per event. Multi-line data
 * is joined with "\n" as the SSE spec says; comments and other fields are ignored.
 */
export async function* readSseData(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<string, void, void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let data: string[] = [];
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      finished = done;
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
        newline = buffer.indexOf('\n');
      }
      if (done) break;
    }
    // A last event without its blank line still counts.
    const tail = buffer.replace(/\r$/, '');
    if (tail.startsWith('data:')) data.push(tail.slice(tail.startsWith('data: ') ? 6 : 5));
    if (data.length > 0) yield data.join('\n');
  } finally {
    // Stopped early (by the caller or an error): tell the server we are gone.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
