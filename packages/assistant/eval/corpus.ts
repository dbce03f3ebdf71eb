import type { Language } from '@parley/validators';
import { EN } from './en';
import { EN_HOLDOUT } from './holdout/en';
import { RU_HOLDOUT } from './holdout/ru';
import { TR_HOLDOUT } from './holdout/tr';
import { RU } from './ru';
import { TR } from './tr';
import type { EvalCase } from './types';

/**
 * Every labelled request of both evaluation sets, with its language: realistic text for
 * `pnpm bench`'s assistant.read (what people type, not synthetic strings).
 */
export const EVAL_CORPUS: ReadonlyArray<EvalCase & { language: Language }> = [
  ...[...EN, ...EN_HOLDOUT].map((c) => ({ ...c, language: 'en' as const })),
  ...[...TR, ...TR_HOLDOUT].map((c) => ({ ...c, language: 'tr' as const })),
  ...[...RU, ...RU_HOLDOUT].map((c) => ({ ...c, language: 'ru' as const })),
];
export type { EvalCase };
