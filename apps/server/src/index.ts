export { type Parley, startParley } from './app';
export { type Env, envSchema, parseEnv } from './env';
