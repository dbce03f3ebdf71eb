import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The only place the CLIs read the environment: the same variables and defaults as the server. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'expects a postgres:// URL',
    }),
  DATA_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || path.join(repoRoot, '.data')),
  // pnpm runs scripts inside the package; INIT_CWD is where the user typed the command.
  INIT_CWD: z
    .string()
    .optional()
    .transform((v) => v || process.cwd()),
});

export type CliEnv = z.output<typeof schema>;

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`bad environment: ${problems}`);
  }
  return parsed.data;
}
