import { randomUUID } from 'node:crypto';
import { serve } from '../lib/ipc';
import { now, sleep } from '../lib/stats';
import { connectTrpc, inBatches, type TrpcSocket } from '../lib/trpc-ws';

/**
 * Open chats from a process of its own: one WebSocket per chat, subscribed to its
 * session's events, sending `sessions.send` over the same socket on an open-loop schedule
 * (a fixed total rate, whatever the answers do). A round trip is from the moment a send
 * was due to the moment its `assistant.completed` reached the subscriber.
 */
interface Chat {
  sessionId: string;
  token: string;
  socket?: TrpcSocket;
  subscription?: number;
  lastEventId: string | null;
}

const MESSAGES = [
  '2 bedroom flat in Girne under 900 a month',
  'villa with a pool in Bellapais',
  'cheapest studio in Famagusta for long term',
  'anything with a sea view?',
  'what about 3 bedrooms',
  'house to buy in Lapta under 300000',
  'short term apartment in Iskele near the beach',
  'pet friendly with a garden',
  'show me penthouses in Kyrenia',
  'furnished apartment in Nicosia up to 700',
  'something cheaper please',
  'bungalow in Esentepe with parking',
];

let url = '';
let chats: Chat[] = [];
// Assistant message id -> when its assistant.completed arrived.
const completedAt = new Map<string, number>();
const waiters = new Map<string, () => void>();
let framesReceived = 0;

// A data frame ends with its tracked event id, and an event's type and its run come first:
// {"id":1,"result":{"type":"data","data":{"json":{"id":"12","data":{"type":"assistant.completed",
//   "run":{"id":"...",...,"assistantMessageId":"...",...},...}},"meta":...},"id":"12"}}
// Read with string searches, not a regular expression or JSON.parse over the whole frame
// (the reply's listings make it ~16 KB): the load generator shares the machine's two cores
// with the server, and every millisecond it spends is one the server does not get.
const FRAME_END = '"}}';
const EVENT_ID = ',"id":"';
const COMPLETED = '"data":{"type":"assistant.completed","run":{';
const ASSISTANT_MESSAGE_ID = '"assistantMessageId":"';

function onFrame(chat: Chat, text: string): void {
  framesReceived++;
  const at = now();
  if (!text.startsWith('{"id":') || !text.endsWith(FRAME_END)) return;
  const idAt = text.lastIndexOf(EVENT_ID);
  const eventId = idAt < 0 ? undefined : text.slice(idAt + EVENT_ID.length, -FRAME_END.length);
  // Durable events only ("12", not "12:3"): what a client resumes from.
  if (eventId && !eventId.includes(':')) chat.lastEventId = eventId;
  const typeAt = text.indexOf(COMPLETED);
  // The event's type is among the first few hundred characters of its frame.
  if (typeAt < 0 || typeAt > 200) return;
  const idFrom = text.indexOf(ASSISTANT_MESSAGE_ID, typeAt) + ASSISTANT_MESSAGE_ID.length;
  const messageId = text.slice(idFrom, text.indexOf('"', idFrom));
  if (idFrom < ASSISTANT_MESSAGE_ID.length || !messageId) return;
  completedAt.set(messageId, at);
  waiters.get(messageId)?.();
}

// Subscriptions the server ended with an error (then resumed from the last event id).
const subscriptionErrors: string[] = [];

async function subscribe(chat: Chat): Promise<void> {
  const socket = chat.socket!;
  chat.subscription = await socket.subscribe(
    'sessions.events',
    { sessionId: chat.sessionId, lastEventId: chat.lastEventId },
    (text) => onFrame(chat, text),
    (error) => {
      if (!error || socket !== chat.socket || socket.ws.readyState !== socket.ws.OPEN) return;
      subscriptionErrors.push(`${(error as { code?: string }).code ?? ''} ${error.message}`);
      setTimeout(() => void subscribe(chat).catch(() => {}), 100);
    },
  );
}

async function open(chat: Chat): Promise<void> {
  chat.socket = await connectTrpc(url, chat.token);
  await subscribe(chat);
}

async function setup(args: { url: string; chats: { sessionId: string; token: string }[] }) {
  url = args.url;
  chats = args.chats.map((c) => ({ ...c, lastEventId: null }));
  const started = now();
  await inBatches(chats, 20, open);
  return { chats: chats.length, ms: now() - started };
}

interface RunArgs {
  rate: number;
  seconds: number;
  /** How long to wait for the last answers after the schedule ends. */
  drainMs?: number;
  /**
   * Also return, per answer, when it was due (ms after `startedAt`, epoch ms) and its round
   * trip: to line the worst answers up with a database log or `vmstat`.
   */
  timeline?: boolean;
}

async function run(args: RunArgs) {
  const total = Math.max(1, Math.round(args.rate * args.seconds));
  const interval = 1000 / args.rate;
  const latencies: number[] = [];
  const sendLatencies: number[] = [];
  const errors: string[] = [];
  const timeline: [due: number, roundTrip: number][] = [];
  let maxLag = 0;
  let answered = 0;
  const inFlight: Promise<void>[] = [];
  const start = now() + 20;
  let i = 0;
  while (i < total) {
    const due = start + i * interval;
    const wait = due - now();
    if (wait > 1) await sleep(wait - 0.5);
    // Everything that is due goes out now, late or not: the schedule never waits for answers.
    while (i < total && start + i * interval <= now() + 0.5) {
      const scheduled = start + i * interval;
      const chat = chats[i % chats.length]!;
      const content = MESSAGES[(i * 7 + Math.floor(i / chats.length)) % MESSAGES.length]!;
      maxLag = Math.max(maxLag, now() - scheduled);
      i++;
      inFlight.push(
        chat
          .socket!.call<{ assistantMessage: { id: string } }>('mutation', 'sessions.send', {
            sessionId: chat.sessionId,
            content,
            clientMessageId: randomUUID(),
          })
          .then(async (res) => {
            sendLatencies.push(now() - scheduled);
            const id = res.assistantMessage.id;
            if (!completedAt.has(id)) {
              await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, 10_000);
                waiters.set(id, () => {
                  clearTimeout(timer);
                  resolve();
                });
              });
              waiters.delete(id);
            }
            const at = completedAt.get(id);
            completedAt.delete(id);
            if (at === undefined) errors.push(`no assistant.completed for ${id}`);
            else {
              latencies.push(at - scheduled);
              if (args.timeline) timeline.push([scheduled - start, at - scheduled]);
              answered++;
            }
          })
          .catch((error: Error & { code?: string }) => {
            errors.push(`${error.code ?? ''} ${error.message}`);
          }),
      );
    }
  }
  const scheduleEnd = now();
  await Promise.race([Promise.all(inFlight), sleep(args.drainMs ?? 15_000)]);
  const ended = subscriptionErrors.splice(0);
  return {
    subscriptionErrors: ended.length,
    subscriptionErrorSamples: ended.slice(0, 5),
    sent: total,
    answered,
    latencies,
    sendLatencies,
    errors: errors.slice(0, 20),
    errorCount: errors.length,
    maxLagMs: maxLag,
    seconds: (scheduleEnd - start) / 1000,
    ...(args.timeline ? { timeline, startedAt: start } : {}),
  };
}

/** Drops and reopens a share of the sockets, resuming from their last event id. */
async function churn(args: { share: number }) {
  const picked = chats.filter(() => Math.random() < args.share);
  await inBatches(picked, 10, async (chat) => {
    chat.socket?.close();
    await chat.socket?.closed;
    await open(chat);
  });
  // Resumed from a durable event id, not replayed from the session's start.
  const withId = picked.filter((chat) => chat.lastEventId !== null).length;
  return { reopened: picked.length, withId };
}

async function close() {
  for (const chat of chats) chat.socket?.close();
  await Promise.all(chats.map((c) => c.socket?.closed));
  return { frames: framesReceived };
}

serve({ setup, run, churn, close });
