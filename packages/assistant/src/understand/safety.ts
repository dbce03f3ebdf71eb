import type { Scan } from './scan';

/**
 * "Is it safe to buy off plan?", "alırsam risk var mı", "безопасно ли покупать у
 * застроищика": whether buying is safe is a question about buying, not a search, in any
 * word order. Safety alone ("a safe area") and buying alone are not enough.
 */
const SAFETY =
  /^(?:safe|safely|safety|risk|risks|risky|guvenli\p{L}*|guvenilir\p{L}*|riskli|risk|riski|безопасн\p{L}*|риск\p{L}*|надежн\p{L}*|опасно)$/u;
const BUYING =
  /^(?:buy|buying|purchase|purchasing|invest|investing|developer|developers|satin|almak|alsam|alirsam|alirken|alinir|alabilir\p{L}*|muteahhit\p{L}*|куп\p{L}*|покуп\p{L}*|приобре\p{L}*|застроищ\p{L}*|инвестир\p{L}*)$/u;

/** Safety and buying within a few words of each other ("secure parking ... to buy" is not). */
export function asksIfBuyingIsSafe(scan: Scan): boolean {
  let safety = -Infinity;
  let buying = -Infinity;
  for (let i = 0; i < scan.terms.length; i++) {
    const text = scan.terms[i]!.text;
    if (SAFETY.test(text)) safety = i;
    else if (BUYING.test(text)) buying = i;
    else continue;
    if (Math.abs(safety - buying) <= 4) return true;
  }
  return false;
}
