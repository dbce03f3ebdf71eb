import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  type ApiConfig,
  type ApiServices,
  answerCachedSearch,
  appRouter,
  closeRuns,
  createContextFactory,
  createServices,
  DELIVERY_LANE,
  defineMediaTasks,
  defineTasks,
  listingsChanged,
  REST_PREFIX,
  sealPlaintextSecrets,
} from '@parley/api';
import { createAssistant } from '@parley/assistant';
import {
  type Database,
  openDatabase,
  seedDemoListingsIfEmpty,
  watchListingChanges,
} from '@parley/db';
import { createInfra, createLogger, type Infra, type Logger } from '@parley/infra';
import { JobEngine } from '@parley/jobs';
import { createMedia } from '@parley/media';
import { allowedOrigins, type Env, mediaConfig, redactedEnv } from './env';
import { healthz, readyz } from './health';
import { createTrpcHttpHandler, isSseSubscription, requestIdFor, sendJson } from './http';
import { refuseWhileStarting } from './input-limits';
import { listen } from './listen';
import { createMediaHandler, isMediaPath } from './media';
import { createRestHandler, isRestPath } from './rest';
import { jwtSecret, webhookSecretsKey } from './secrets';
import { type EmbeddableRoute, securityHeaders } from './security-headers';
import { webApp } from './static';
import { gitCommit, version } from './version';
import { WIDGET_PATHS, widgetScript } from './widget';
import { createWsServer } from './ws';

export interface Parley {
  url: string;
  port: number;
  services: ApiServices;
  logger: Logger;
  /** Graceful stop: refuse new work, finish in-flight requests, close everything. */
  close(): Promise<void>;
}

const ACCEPTED_REQUEST_GRACE_MS = 1_500;

/**
 * Pages other sites may frame. None today: the chat widget is a script (`/widget.js`)
 * that runs in the embedding page, not a framed page. A framed route would be added
 * here with the sites allowed to frame it.
 */
export const EMBEDDABLE_ROUTES: EmbeddableRoute[] = [];

/** Node's own statuses for requests it could not read; anything else is a bad request. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
    'The request line and headers are over 16 KB: shorten the URL (its query) or the headers',
  ],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'PAYLOAD_TOO_LARGE', 'Chunk extensions are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'TIMEOUT', 'The request took too long to arrive'],
};
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's default handler: a reset connection has no one to answer, and a response
  // already under way cannot be replaced.
  const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
    socket.destroy(error);
    return;
  }
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'BAD_REQUEST',
    'The request is not valid HTTP',
  ];
  const requestId = randomUUID();
  const body = JSON.stringify({ code, message, data: { code, httpStatus: status, requestId } });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Gives a configured Redis a moment to connect, so an instance starts out shared; never blocks long. */
async function waitForRedis(infra: Infra, budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline) {
    const health = await infra.health();
    if (health.checks.redis.status !== 'down' && health.status === 'ok') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fresh database gets demo listings. Instances starting together take turns through
 * an advisory lock, so only the first one seeds.
 */
async function seedDemoListingsOnce(db: Database, count: number): Promise<number> {
  if (count <= 0) return 0;
  return db.sequelize.transaction(async (transaction) => {
    await db.sequelize.query("SELECT pg_advisory_xact_lock(hashtext('parley:demo-listings'))", {
      transaction,
    });
    return seedDemoListingsIfEmpty(db.sequelize, count);
  });
}

function apiConfig(env: Env, secret: Uint8Array, webhookKey: Uint8Array): ApiConfig {
  return {
    production: env.NODE_ENV === 'production',
    jwt: {
      secret,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    },
    refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    clientSecretTtlSeconds: env.CLIENT_SECRET_TTL_SECONDS,
    sessionIdleSeconds: env.SESSION_IDLE_TIMEOUT_SECONDS,
    sessionSweepSeconds: env.SESSION_SWEEP_INTERVAL_SECONDS,
    maxSubscriptionsPerSocket: env.WS_MAX_SUBSCRIPTIONS,
    alertsRecoverySeconds: env.ALERTS_RECOVERY_SECONDS,
    rateLimits: {
      loginPerIpPerMinute: env.RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE,
      loginFailuresPerAccountPerMinute: env.RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE,
      loginFailuresPerAccountPerHour: env.RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_HOUR,
      registerPerIpPerHour: env.RATE_LIMIT_REGISTER_PER_IP_PER_HOUR,
      guestsPerIpPerHour: env.RATE_LIMIT_GUESTS_PER_IP_PER_HOUR,
      visitorSendsPerMinute: env.RATE_LIMIT_VISITOR_SENDS_PER_MINUTE,
      searchPerIpPerMinute: env.RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE,
      uploadsPerUserPerMinute: env.RATE_LIMIT_UPLOADS_PER_MINUTE,
    },
    savedSearchesPerUser: env.SAVED_SEARCHES_PER_USER,
    webhooks: {
      allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: env.WEBHOOK_RETRY_MAX_MS,
      retryWindowMs: env.WEBHOOK_RETRY_WINDOW_SECONDS * 1000,
      failingAfter: env.WEBHOOK_FAILING_AFTER,
      sendsPerOwner: env.WEBHOOK_SENDS_PER_OWNER,
      secretsKey: webhookKey,
    },
  };
}

/**
 * Starts one Parley process: HTTP and WebSocket on one port (docs/design.md, one port). The port
 * is bound first, so a busy port fails in well under 2 s; until the database is ready
 * requests get 503.
 */
export async function startParley(
  env: Env,
  options: { logger?: Logger; embeddable?: EmbeddableRoute[] } = {},
): Promise<Parley> {
  const logger =
    options.logger ??
    createLogger({
      name: 'parley',
      level: env.LOG_LEVEL,
      pretty: env.LOG_PRETTY ?? (env.NODE_ENV === 'development' && process.stdout.isTTY),
    });
  const startedAt = new Date();
  const identity = { version, commit: gitCommit(env.GIT_COMMIT), startedAt };
  let db: Database | undefined;
  let infra: Infra | undefined;
  let jobs: JobEngine | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let handleRest: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let handleMedia: ((req: IncomingMessage, res: ServerResponse, path: string) => void) | undefined;
  const inFlight = new Set<ServerResponse>();
  const web = webApp(env.WEB_DIST);
  const widget = widgetScript(env.WIDGET_DIST);
  const secure = securityHeaders({
    embeddable: options.embeddable ?? EMBEDDABLE_ROUTES,
    https: env.PUBLIC_URL?.startsWith('https:') ?? false,
  });

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    secure(res, path ?? '/');
    if (path === '/healthz') return sendJson(res, 200, healthz(identity));
    if (path === '/readyz') {
      void readyz(db, infra).then((r) => sendJson(res, r.httpStatus, r.body));
      return;
    }
    if (WIDGET_PATHS.includes(path ?? '') && (req.method === 'GET' || req.method === 'HEAD')) {
      if (widget) return widget(req, res);
      return sendJson(res, 404, {
        error: 'not found',
        hint: 'the widget is not built: run pnpm build',
      });
    }
    if (!handle || !handleRest || !handleMedia) {
      if (path === '/trpc' || path?.startsWith('/trpc/'))
        return refuseWhileStarting(res, requestIdFor(req));
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, { status: 'starting' });
    }
    if (path && isMediaPath(path)) {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      return handleMedia(req, res, path);
    }
    const rest = isRestPath(path ?? '/');
    // Paths are case-sensitive. Anything else under /api (another case, another version)
    // is an API client's mistake: it gets a JSON 404 saying so, never the web app's page.
    if (!rest && /^\/api(\/|$)/i.test(path ?? '/')) {
      const requestId = requestIdFor(req);
      res.setHeader('x-request-id', requestId);
      return sendJson(res, 404, {
        code: 'NOT_FOUND',
        message: `No such API path: ${path} (paths are case-sensitive; the REST API is under ${REST_PREFIX}/)`,
        data: { code: 'NOT_FOUND', httpStatus: 404, requestId },
      });
    }
    if (!rest && path !== '/trpc' && !path?.startsWith('/trpc/')) {
      if (web && (req.method === 'GET' || req.method === 'HEAD'))
        return web(req, res, () => sendJson(res, 404, { error: 'not found' }));
      return sendJson(res, 404, {
        error: 'not found',
        hint: web ? undefined : 'the web app is not built: run pnpm build',
      });
    }
    // Long-lived SSE streams do not count as in-flight work at shutdown.
    if (!isSseSubscription(req, appRouter)) {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
    }
    if (rest) handleRest(req, res);
    else handle(req, res);
  });
  // Connections accepted whose first request has not arrived yet: only they need the
  // shutdown grace (an idle keep-alive connection has nothing on its way).
  const awaitingFirstRequest = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    awaitingFirstRequest.add(socket);
    socket.once('close', () => awaitingFirstRequest.delete(socket));
  });
  server.on('request', (req: IncomingMessage) => awaitingFirstRequest.delete(req.socket));
  // Node answers a request it cannot read (headers over 16 KB, a malformed request line)
  // with a bare status and no body; API clients get the usual JSON error body instead.
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 65_000;
  // A client that trickles headers or a body cannot hold a connection for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const port = await listen(server, env.HOST, env.PORT);
  const displayHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const url = env.PUBLIC_URL ?? `http://${displayHost}:${port}`;

  try {
    db = await openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      poolMax: env.DB_POOL_MAX,
      log: logger,
    });
    infra = createInfra({ redisUrl: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, logger });
    await waitForRedis(infra, 2_000);
    // Listing writes made outside this process (CLIs, psql) reach cached searches too.
    const cache = infra.cache;
    const listingWatcher = await watchListingChanges(
      db.sequelize,
      () => listingsChanged(cache),
      logger,
    );
    const seeded = await seedDemoListingsOnce(db, env.SEED_DEMO_LISTINGS);
    if (seeded) {
      await listingsChanged(infra.cache);
      logger.info({ seeded }, 'demo listings added to the empty database');
    }
    // Before any job runs or request is served: every webhook secret is sealed from here on.
    const webhookKey = await webhookSecretsKey(env.WEBHOOK_SECRETS_KEY, env.DATA_DIR);
    const secrets = await sealPlaintextSecrets(db.sequelize, webhookKey);
    if (secrets.sealed) logger.info({ sealed: secrets.sealed }, 'webhook secrets sealed');
    if (secrets.otherKey)
      logger.error(
        { webhooks: secrets.otherKey },
        'webhook secrets sealed with another key: their deliveries fail until WEBHOOK_SECRETS_KEY is the key they were sealed with (every instance needs the same key)',
      );
    jobs = new JobEngine({
      sequelize: db.sequelize,
      url: db.url,
      logger,
      lanes: { [DELIVERY_LANE]: { concurrency: env.WEBHOOK_CONCURRENCY } },
    });
    const services: ApiServices = createServices({
      db,
      infra,
      jobs,
      assistant: createAssistant(
        {
          provider: env.ASSISTANT_PROVIDER,
          ...(env.OPENAI_API_KEY
            ? {
                openai: {
                  baseUrl: env.OPENAI_BASE_URL,
                  apiKey: env.OPENAI_API_KEY,
                  model: env.OPENAI_MODEL,
                  timeoutMs: env.OPENAI_TIMEOUT_MS,
                },
              }
            : {}),
        },
        { logger },
      ),
      config: apiConfig(env, await jwtSecret(env.JWT_SECRET, env.DATA_DIR), webhookKey),
      logger,
      clock: () => new Date(),
    });
    const media = createMedia(mediaConfig(env));
    // Durable background work (docs/design.md, one job engine): every instance runs jobs.
    defineTasks(services);
    defineMediaTasks(services, { remove: media.remove, orphanHours: env.MEDIA_ORPHAN_HOURS });
    await jobs.start();
    const createContext = createContextFactory(services);
    const origins = allowedOrigins(env, port);
    const widgetOrigin = (origin: string) => services.instance.widgetOrigins.allows(origin);
    handle = createTrpcHttpHandler({
      router: appRouter,
      createContext,
      maxBatchSize: env.MAX_BATCH_SIZE,
      maxSseSubscriptionsPerClient: env.SSE_MAX_SUBSCRIPTIONS_PER_CLIENT,
      maxSseStreamsPerIp: env.SSE_MAX_STREAMS_PER_IP,
      allowedOrigins: origins,
      isWidgetOrigin: widgetOrigin,
      trustProxy: env.TRUST_PROXY,
      searchLane: (wireInput, ip) => answerCachedSearch(services, wireInput, ip),
      onTrpcError: ({ requestId, error, path }) => {
        if (
          !(error as { code?: string }).code ||
          (error as { code?: string }).code === 'INTERNAL_SERVER_ERROR'
        ) {
          logger.error({ requestId, path, err: error }, 'request failed');
        }
      },
    });
    handleRest = createRestHandler({
      createContext,
      publicUrl: url,
      allowedOrigins: origins,
      isWidgetOrigin: widgetOrigin,
      trustProxy: env.TRUST_PROXY,
      onError: ({ requestId, error, path }) => {
        const code = (error as { code?: string }).code;
        if (!code || code === 'INTERNAL_SERVER_ERROR')
          logger.error({ requestId, path, err: error }, 'REST request failed');
      },
    });
    handleMedia = createMediaHandler({ media, services, logger });
    const ws = createWsServer({
      router: appRouter,
      createContext,
      maxPayload: env.WS_MAX_PAYLOAD_BYTES,
      pingMs: env.WS_PING_INTERVAL_MS,
      maxBatch: env.MAX_BATCH_SIZE,
      maxConnectionsPerIp: env.WS_MAX_CONNECTIONS_PER_IP,
      pongWaitMs: env.WS_PONG_WAIT_MS,
      connectionParamsTimeoutMs: env.WS_CONNECTION_PARAMS_TIMEOUT_MS,
      allowedOrigins: origins,
      isWidgetOrigin: widgetOrigin,
      trustProxy: env.TRUST_PROXY,
      log: logger,
    });
    server.on('upgrade', ws.onUpgrade);

    logger.info({ config: redactedEnv({ ...env, PORT: port }) }, 'configuration');
    logger.info(
      { url, version, commit: identity.commit, database: db.kind },
      `Parley is running at ${url}`,
    );

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // Connections the kernel completed but Node has not picked up yet (a signal can be
        // handled first in the same event-loop turn) would be reset by closing the
        // listener: the rest of this turn accepts them, then they count as in flight.
        await new Promise((resolve) => setImmediate(resolve));
        // Stop accepting next, before anything else is awaited. Node's close() would also
        // drop "idle" connections at once, including accepted ones whose request has not
        // been read yet on a busy machine: those get a short grace to deliver it.
        const closeIdle = server.closeIdleConnections.bind(server);
        server.closeIdleConnections = () => {};
        server.close();
        // With no accepted connection still owing its first request there is nothing on
        // its way: stop at once (an idle Ctrl+C returns the prompt well within 2 s).
        const graceUntil =
          awaitingFirstRequest.size > 0 ? Date.now() + ACCEPTED_REQUEST_GRACE_MS : 0;
        logger.info('shutting down: no new connections, finishing in-flight requests');
        ws.broadcastReconnect();
        const deadline = Date.now() + env.SHUTDOWN_TIMEOUT_MS;
        while ((inFlight.size > 0 || Date.now() < graceUntil) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 25));
        closeIdle();
        if (inFlight.size)
          logger.warn({ dropped: inFlight.size }, 'shutdown timeout: closing remaining requests');
        // Runs still going are finished as interrupted, not left `running` behind us.
        await closeRuns(services, Math.max(0, deadline - Date.now()));
        await jobs?.stop();
        await ws.close();
        server.closeAllConnections();
        await listingWatcher.stop();
        await infra?.close();
        await db?.close();
        logger.info('stopped');
      })());
    return { url, port, services, logger, close };
  } catch (error) {
    server.close();
    server.closeAllConnections();
    await jobs?.stop().catch(() => {});
    await infra?.close().catch(() => {});
    await db?.close().catch(() => {});
    throw error;
  }
}
