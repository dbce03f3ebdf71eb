import type { Language } from '@parley/validators';
import { en } from './en';
import { ru } from './ru';
import { tr } from './tr';
import type { Texts } from './types';

export type { Change, KindCount, ListOrder, Loosened, Question, Reading, Texts } from './types';

const TEXTS: Record<Language, Texts> = { en, tr, ru };

export function textsFor(language: Language): Texts {
  return TEXTS[language];
}
