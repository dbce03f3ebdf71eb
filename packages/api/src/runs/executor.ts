import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AssistantOutcome } from '@parley/assistant';
import { isDatabaseUnavailable, newId } from '@parley/db';
import type {
  AssistantReply,
  ConversationMode,
  Message,
  Run,
  SearchFacts,
} from '@parley/validators';
import { QueryTypes } from 'sequelize';
import { ownerMaySaveSearches } from '../alerts/searches';
import type { ApiServices } from '../context';
import { publishEphemeral } from '../events/log';
import { CATCH_UP_CHANNEL } from '../events/protocol';
import { agentsOnline } from '../handoff';
import { searchListingsFor } from '../listings-port';
import type { RunRow } from './records';
import { type RunContext, readRunContext, type StartedRun } from './run-context';
import { claimNextRun, type Ending, type Finished, finishRun } from './transitions';

/** How long an answer may take to start before subscribers see the assistant typing. */
const TYPING_AFTER_MS = 250;
/** Bus channel on which any instance asks the one executing a run to stop it. */
export const CANCEL_CHANNEL = 'runs:cancel';
/** How often an instance stamps the heartbeat of the runs it executes (see watchdog.ts). */
export const HEARTBEAT_MS = 2_000;
/** How long a run waits for PostgreSQL to come back (a restart) before it gives up. */
const FINISH_RETRY_MS = 30_000;

interface Executing {
  controller: AbortController;
  done: Promise<void>;
  conversationId: string;
  /** Publishes the reply written so far, as one piece at offset 0 (once there is any). */
  catchUp?: () => void;
}

/**
 * Executes this instance's runs. `kick(conversationId)` starts the conversation's next
 * queued run unless one is running anywhere, and keeps going through its queue one run at
 * a time, in order; the instance that finishes a run starts the next, so a conversation's
 * runs never overlap even when its messages arrive through several instances. A send to
 * an idle conversation starts its run itself, in its own transaction (submit.ts), and
 * hands it over with `kick(conversationId, run)`: a turn then needs no claim of its own.
 */
export class RunExecutor {
  readonly instanceId = randomUUID();
  readonly #executing = new Map<string, Executing>();
  readonly #draining = new Set<string>();
  // Runs a send started on this instance (with what they answer), waiting for their
  // conversation's drain.
  readonly #started = new Map<string, StartedRun>();
  // Conversations kicked while their drain was busy: it claims once more before it ends.
  readonly #kicked = new Set<string>();
  readonly #finished = new Set<(finished: FinishedHere) => void>();
  readonly #stopListening: (() => void)[];
  #heartbeat: NodeJS.Timeout | undefined;
  #beating = false;
  #closed = false;

  constructor(private readonly services: ApiServices) {
    this.#stopListening = [
      services.infra.bus.subscribe<{ runId: string }>(CANCEL_CHANNEL, (message) =>
        this.abortLocal(message.runId),
      ),
      services.infra.bus.subscribe<{ conversationId: string }>(CATCH_UP_CHANNEL, (message) => {
        for (const executing of this.#executing.values()) {
          if (executing.conversationId === message.conversationId) executing.catchUp?.();
        }
      }),
    ];
  }

  /** False once the instance stops: a send then leaves its run queued for another. */
  get accepting(): boolean {
    return !this.#closed;
  }

  /**
   * Works through the conversation's queue unless this instance is already doing so;
   * `started` is a run already `running` here (started by a send), executed first.
   */
  kick(conversationId: string, started?: StartedRun): void {
    if (this.#closed) return;
    if (started) this.#started.set(conversationId, started);
    if (this.#draining.has(conversationId)) {
      if (!started) this.#kicked.add(conversationId);
      return;
    }
    this.#draining.add(conversationId);
    void this.#drain(conversationId).catch((error: unknown) =>
      this.services.logger.error({ err: error, conversationId }, 'run queue stopped'),
    );
  }

  /** Aborts a run executing here; false when it is not executing on this instance. */
  abortLocal(runId: string): boolean {
    const executing = this.#executing.get(runId);
    if (!executing) return false;
    executing.controller.abort(new Error('cancelled'));
    return true;
  }

  /** Resolves when a run executing here has been finished (at once when it is not here). */
  async settled(runId: string): Promise<void> {
    await this.#executing.get(runId)?.done;
  }

  /** Called for every run this instance executed, once it ended and its events went out. */
  onFinished(listener: (finished: FinishedHere) => void): () => void {
    this.#finished.add(listener);
    return () => this.#finished.delete(listener);
  }

  /** Stops taking runs; runs still executing after `graceMs` are stopped as interrupted. */
  async close(graceMs = 5_000): Promise<void> {
    this.#closed = true;
    for (const stop of this.#stopListening) stop();
    const pending = [...this.#executing.values()];
    const timer = setTimeout(() => {
      for (const executing of this.#executing.values()) {
        executing.controller.abort(new Error('shutdown'));
      }
    }, graceMs);
    await Promise.allSettled(pending.map((e) => e.done));
    clearTimeout(timer);
    clearInterval(this.#heartbeat);
  }

  async #drain(conversationId: string): Promise<void> {
    try {
      // Whether a queued run may be waiting: at first, and after any finish that could
      // not rule it out (a finish that stored a reply says whether one is queued).
      let mayBeQueued = true;
      while (!this.#closed) {
        const started = this.#started.get(conversationId);
        if (started) {
          this.#started.delete(conversationId);
          mayBeQueued = await this.#execute(started.run, started.context);
          continue;
        }
        if (this.#kicked.delete(conversationId)) mayBeQueued = true;
        const claimed = mayBeQueued
          ? await claimNextRun(this.services, conversationId, this.instanceId)
          : undefined;
        if (!claimed) {
          // A send started a run, or something queued one, while the claim was out: this
          // drain goes on. The check and the end of the drain are one synchronous step,
          // so a kick sees either this drain still going or none.
          if (this.#started.has(conversationId) || this.#kicked.has(conversationId)) continue;
          break;
        }
        await claimed.publish().catch((error: unknown) => this.#publishFailed(error));
        mayBeQueued = await this.#execute(claimed.run);
      }
    } finally {
      this.#draining.delete(conversationId);
      this.#kicked.delete(conversationId);
    }
  }

  /** Executes a run to its end; false when its finish saw no run queued behind it. */
  async #execute(run: Run, context?: RunContext): Promise<boolean> {
    const controller = new AbortController();
    let resolve!: () => void;
    const done = new Promise<void>((r) => {
      resolve = r;
    });
    const executing: Executing = { controller, done, conversationId: run.conversationId };
    this.#executing.set(run.id, executing);
    this.#heartbeat ??= setInterval(() => void this.#beat(), HEARTBEAT_MS);
    try {
      // A PostgreSQL restart mid-run (reading the question, a listing search, storing the
      // answer) is waited out rather than failing the run or losing its answer.
      const ending = await this.#whilePostgresDown(() => this.#work(run, executing, context));
      const finished = await this.#finish(run, ending);
      if (finished) await finished.publish().catch((error: unknown) => this.#publishFailed(error));
      const here: FinishedHere = finished
        ? {
            runId: run.id,
            row: finished.row,
            run: finished.run,
            message: finished.message,
            ...(ending.status === 'completed' ? { reply: ending.reply } : {}),
          }
        : { runId: run.id };
      for (const listener of this.#finished) listener(here);
      return finished?.queuedRuns !== false;
    } finally {
      this.#executing.delete(run.id);
      if (this.#executing.size === 0) {
        clearInterval(this.#heartbeat);
        this.#heartbeat = undefined;
      }
      resolve();
    }
  }

  /**
   * Stores how the run ended. A completed reply that cannot be stored (a constraint, a
   * trigger: anything but PostgreSQL being away, which is waited out) fails the run
   * instead, so it is retried rather than left running until the watchdog: its
   * transaction rolled back whole, the reply and any hand-off it asked for with it.
   */
  async #finish(run: Run, ending: Ending): Promise<Finished | undefined> {
    try {
      return await this.#whilePostgresDown(() => finishRun(this.services, run.id, ending));
    } catch (error) {
      if (ending.status !== 'completed' || isDatabaseUnavailable(error)) throw error;
      this.services.logger.error({ err: error, runId: run.id }, 'could not store a reply');
      return this.#whilePostgresDown(() =>
        finishRun(this.services, run.id, {
          status: 'failed',
          code: 'assistant_failed',
          message: 'The assistant could not finish this answer; retry it',
        }),
      );
    }
  }

  /**
   * Runs `step` again, for up to FINISH_RETRY_MS, while PostgreSQL cannot be reached. The
   * run stays executing here meanwhile, so its heartbeat resumes with PostgreSQL and the
   * watchdog leaves it alone; past the deadline the watchdog fails it.
   */
  async #whilePostgresDown<T>(step: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + FINISH_RETRY_MS;
    for (;;) {
      try {
        return await step();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || this.#closed || Date.now() > deadline) throw error;
        await sleep(500);
      }
    }
  }

  /**
   * Stamps the heartbeat of every run executing here, in one statement. A run that is no
   * longer `running` was finished elsewhere (cancelled, or failed by the watchdog while
   * this instance could not reach PostgreSQL): its work stops here too.
   */
  /** The last beat failed: its warning has been given. */
  #beatFailing = false;

  async #beat(): Promise<void> {
    const ids = [...this.#executing.keys()];
    if (this.#beating || ids.length === 0) return;
    this.#beating = true;
    try {
      const alive = await this.services.db.sequelize.query<{ id: string }>(
        `UPDATE runs SET heartbeat_at = clock_timestamp()
         WHERE id = ANY($1::uuid[]) AND status = 'running' RETURNING id`,
        { bind: [ids], type: QueryTypes.SELECT },
      );
      const running = new Set(alive.map((r) => r.id));
      for (const id of ids) if (!running.has(id)) this.abortLocal(id);
      if (this.#beatFailing) this.services.logger.info('run heartbeats stamped again');
      this.#beatFailing = false;
    } catch (error) {
      // Told once per outage, not on every beat (several a second while PostgreSQL is away).
      if (!this.#beatFailing) {
        const { message, code } = error as { message?: string; code?: string };
        this.services.logger.warn(
          { err: { message, code } },
          'could not stamp run heartbeats; will retry',
        );
      }
      this.#beatFailing = true;
    } finally {
      this.#beating = false;
    }
  }

  /** Runs the assistant; how the run ended, never a throw (but a database outage). */
  async #work(run: Run, executing: Executing, known?: RunContext): Promise<Ending> {
    const { services } = this;
    const signal = executing.controller.signal;
    const assistantMessageId = newId();
    const context = known ?? (await readRunContext(services, run.userMessageId));
    const memory = (context.memory ?? {}) as SearchFacts;
    let written = '';
    // What has gone out in pieces: `written` up to here (the rest waits in the batcher).
    let sent = 0;
    const publishPiece = (offset: number, delta: string) =>
      void publishEphemeral(services, run.conversationId, context.eventSeq, {
        type: 'assistant.delta',
        runId: run.id,
        messageId: assistantMessageId,
        delta,
        offset,
        clientMessageId: context.clientMessageId ?? '',
      });
    const publishDelta = (delta: string) => {
      publishPiece(sent, delta);
      sent += delta.length;
    };
    executing.catchUp = () => {
      if (sent > 0) publishPiece(0, written.slice(0, sent));
    };
    // "Typing" only for an answer that keeps people waiting before its first words: the
    // rule agent answers within milliseconds, and two events per turn for an indicator
    // nobody would see cost every subscriber a frame.
    let typing = false;
    const typingTimer = setTimeout(() => {
      typing = true;
      void publishEphemeral(services, run.conversationId, context.eventSeq, {
        type: 'typing',
        actor: 'assistant',
        typing: true,
      });
    }, TYPING_AFTER_MS);
    const deltas = deltaBatcher((delta) => {
      clearTimeout(typingTimer);
      publishDelta(delta);
    });
    try {
      const stream = services.assistant.reply({
        message: context.content,
        conversationId: run.conversationId,
        memory,
        history: context.history,
        systemPrompt: context.systemPrompt,
        searchListings: searchListingsFor(services),
        agentsOnline: () => agentsOnline(services),
        // Read only when a person is asked for, so ordinary turns cost no query.
        conversationMode: () => conversationMode(services, run.conversationId),
        maySaveSearches: (facts) =>
          ownerMaySaveSearches(
            services.db.sequelize,
            run.conversationId,
            services.config.savedSearchesPerUser,
            facts,
          ),
        signal,
      });
      let outcome: AssistantOutcome | undefined;
      // A cancel must not wait for the assistant's next piece: race each step with it.
      const aborted = new Promise<never>((_, reject) => {
        const onAbort = () => reject(signal.reason);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => {});
      try {
        for (;;) {
          const step = await Promise.race([stream.next(), aborted]);
          if (step.done) {
            outcome = step.value;
            break;
          }
          written += step.value;
          deltas.add(step.value);
        }
      } finally {
        deltas.flush();
        if (signal.aborted) void stream.return(undefined as never).catch(() => {});
      }
      return {
        status: 'completed',
        assistantMessageId,
        reply: { ...outcome.reply, conversationId: run.conversationId },
        memory: outcome.memory,
        saveSearch: outcome.intent.kind === 'notify',
        // The person asked for a person (or a viewing) in their own words.
        asksForPerson: outcome.intent.kind === 'human' || outcome.intent.kind === 'viewing',
      };
    } catch (error) {
      if (signal.aborted) {
        const reason = signal.reason as Error | undefined;
        if (reason?.message === 'shutdown') {
          return { status: 'failed', code: 'interrupted', message: 'The server stopped' };
        }
        return {
          status: 'cancelled',
          partialText: written,
          assistantMessageId,
          agent: run.agent,
        };
      }
      if (isDatabaseUnavailable(error)) throw error;
      services.logger.error({ err: error, runId: run.id }, 'assistant failed');
      return {
        status: 'failed',
        code: 'assistant_failed',
        message: 'The assistant could not finish this answer; retry it',
      };
    } finally {
      clearTimeout(typingTimer);
      if (typing) {
        void publishEphemeral(services, run.conversationId, context.eventSeq, {
          type: 'typing',
          actor: 'assistant',
          typing: false,
        });
      }
    }
  }

  #publishFailed(error: unknown): void {
    // Stored already: subscribers fill the gap from the database on the next event.
    this.services.logger.warn({ err: error }, 'could not publish a run event');
  }
}

/**
 * Coalesces the pieces an assistant yields within one turn of the event loop into one
 * `assistant.delta`: the rule agent yields its lines back to back, and every event costs
 * a bus message and a frame per subscriber. Pieces that arrive apart (a model streaming
 * over the network) still go out as they come.
 */
function deltaBatcher(publish: (delta: string) => void) {
  let pending = '';
  let timer: NodeJS.Immediate | undefined;
  const flush = () => {
    if (timer) clearImmediate(timer);
    timer = undefined;
    if (!pending) return;
    const delta = pending;
    pending = '';
    publish(delta);
  };
  return {
    add(piece: string) {
      pending += piece;
      timer ??= setImmediate(flush);
    },
    flush,
  };
}

/**
 * A run this instance executed has ended: with the rows it wrote when this instance
 * finished it (none when a cancel or the watchdog finished it first).
 */
export interface FinishedHere {
  runId: string;
  row?: RunRow;
  /** The run, message and reply as its terminal event carried them (the same objects). */
  run?: Run;
  message?: Message | null;
  reply?: AssistantReply;
}

/** Whether the conversation waits for an agent, answers with the assistant or has one. */
async function conversationMode(services: ApiServices, conversationId: string) {
  const [row] = await services.db.sequelize.query<{ mode: ConversationMode }>(
    'SELECT mode FROM conversations WHERE id = $1',
    { bind: [conversationId], type: QueryTypes.SELECT },
  );
  return row?.mode ?? 'assistant';
}

/** This instance's executor (made once, in instance.ts). */
export function runExecutorOf(services: ApiServices): RunExecutor {
  return services.instance.runs;
}

/** Stops this instance's runs at shutdown: they get `graceMs` to finish, then are interrupted. */
export async function closeRuns(services: ApiServices, graceMs: number): Promise<void> {
  await services.instance.runsIfStarted?.close(graceMs);
}
