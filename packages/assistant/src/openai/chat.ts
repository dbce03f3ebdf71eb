import { z } from 'zod';
import { ProviderError } from './errors';
import { readSseData } from './sse';

/** The chat-completions wire format, only the parts Parley sends and reads. */

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface ChatRequest {
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: ChatMessage[];
  tools: readonly unknown[];
  signal: AbortSignal;
}

export interface RoundResult {
  content: string;
  toolCalls: ToolCall[];
}

const chunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().int().min(0).max(63),
                  id: z.string().nullish(),
                  function: z
                    .object({ name: z.string().nullish(), arguments: z.string().nullish() })
                    .nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  error: z.unknown().optional(),
});

/**
 * One streamed chat-completions call. Yields content pieces as they arrive and returns
 * the whole content plus any tool calls, whose argument fragments are joined by index.
 */
export async function* streamChatRound(
  request: ChatRequest,
): AsyncGenerator<string, RoundResult, void> {
  const response = await fetch(`${request.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${request.apiKey}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({
      model: request.model,
      stream: true,
      messages: request.messages,
      tools: request.tools,
      tool_choice: 'auto',
    }),
    signal: request.signal,
  });
  if (!response.ok || response.body === null) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new ProviderError(
      `provider answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`,
    );
  }

  let content = '';
  const calls: { id?: string; name: string; arguments: string }[] = [];
  let finished = false;
  for await (const data of readSseData(response.body)) {
    if (data.trim() === '[DONE]') {
      finished = true;
      break;
    }
    const chunk = parseChunk(data);
    if (chunk.error !== undefined)
      throw new ProviderError(`provider sent an error: ${JSON.stringify(chunk.error)}`);
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) finished = true;
    const piece = choice?.delta?.content;
    if (piece) {
      content += piece;
      yield piece;
    }
    for (const fragment of choice?.delta?.tool_calls ?? []) {
      const call = calls[fragment.index] ?? { name: '', arguments: '' };
      calls[fragment.index] = call;
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name += fragment.function.name;
      if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
    }
  }
  if (!finished) throw new ProviderError('stream ended before the answer was finished');

  const toolCalls = calls
    .filter((call) => call !== undefined)
    .map(
      (call, i): ToolCall => ({
        id: call.id ?? `call_${i}`,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      }),
    );
  return { content, toolCalls };
}

function parseChunk(data: string): z.infer<typeof chunkSchema> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new ProviderError('stream sent a chunk that is not JSON');
  }
  const parsed = chunkSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError('stream sent a chunk of an unexpected shape');
  return parsed.data;
}
