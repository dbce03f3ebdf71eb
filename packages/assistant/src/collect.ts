import type { AssistantOutcome } from './types';

/**
 * Drives a reply to the end, handing each text piece to `onPiece`, and returns the
 * outcome (`for await` would drop the generator's return value).
 */
export async function collectReply(
  stream: AsyncGenerator<string, AssistantOutcome, void>,
  onPiece?: (piece: string) => void | Promise<void>,
): Promise<AssistantOutcome> {
  for (;;) {
    const step = await stream.next();
    if (step.done) return step.value;
    await onPiece?.(step.value);
  }
}

/** Yields lines one at a time (newline kept with the line) and returns the whole text. */
export async function* speakLines(lines: readonly string[]): AsyncGenerator<string, string, void> {
  for (let i = 0; i < lines.length; i++) yield i < lines.length - 1 ? `${lines[i]}\n` : lines[i]!;
  return lines.join('\n');
}
