export { credentialFrom, credentialFromHeaders, type Credential, type Identity } from './auth/credentials';
export type { ApiConfig } from './config';
export { type ApiServices, type Context, type ContextInput, createContextFactory } from './context';
export { type AppRouter, appRouter } from './router';
export { tagRequestId } from './errors';
export { createCallerFactory, type ErrorData } from './trpc';
export { sweepExpiredSessions } from './chat/sessions';
