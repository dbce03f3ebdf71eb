import type { AssistantReply, Message, Run } from '@parley/validators';
import type { ApiServices } from '../context';
import { type BusEvent, conversationChannel } from '../events/protocol';
import type { RunExecutor } from './executor';
import { isFinished, type RunRow, readRun } from './records';

/** How long a waiter trusts the bus before it looks at the database again. */
const RECHECK_MS = 2_000;

/** A finished run; `message` is its stored reply when this instance finished it. */
export interface Waited {
  run: RunRow;
  message?: Message | null;
  /** When finished here: the run and reply objects its terminal event carried. */
  announced?: { run?: Run; reply?: AssistantReply };
}

/**
 * Resolves with the run once it has finished, wherever it executes: this instance's
 * executor says so at once (handing over the rows it wrote, so nothing is read again),
 * another instance's terminal event arrives on the bus, and the database is read again
 * every couple of seconds in case a bus message was lost. `known` is the run as the
 * caller last saw it (a run it has just queued): the first database read is skipped.
 */
export async function waitForRun(
  services: ApiServices,
  executor: RunExecutor,
  conversationId: string,
  runId: string,
  options: { signal?: AbortSignal; known?: RunRow } = {},
): Promise<Waited> {
  const { signal } = options;
  let finishedHere: Waited | undefined;
  let wake!: () => void;
  let woken = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const poke = () => wake();
  const stopBus = services.infra.bus.subscribe<BusEvent>(
    conversationChannel(conversationId),
    (message) => {
      if (message.kind !== 'durable') return;
      // Read from the event's superjson form: ids and types are stored as they are, and a
      // waiter sees every event of the conversation, most of them not its run's.
      const event = message.event.json as { type?: unknown; run?: { id?: unknown } } | null;
      if (event?.run?.id === runId && event.type !== 'run.started') poke();
    },
  );
  const stopLocal = executor.onFinished((finished) => {
    if (finished.runId !== runId) return;
    finishedHere = finished.row
      ? {
          run: finished.row,
          message: finished.message,
          announced: { run: finished.run, reply: finished.reply },
        }
      : undefined;
    poke();
  });
  signal?.addEventListener('abort', poke, { once: true });
  try {
    let run: RunRow | undefined = options.known;
    for (;;) {
      if (finishedHere) return finishedHere;
      run = run ?? (await readRun(services, runId));
      if (!run) throw new Error(`run ${runId} vanished`);
      if (isFinished({ status: run.status }) || signal?.aborted) return { run };
      run = undefined;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        woken,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, RECHECK_MS);
        }),
      ]);
      clearTimeout(timer);
      woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stopBus();
    stopLocal();
    signal?.removeEventListener('abort', poke);
  }
}
