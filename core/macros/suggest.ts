/**
 * Macro suggestions for the open ticket, and the picker's type-to-filter. A
 * suggestion is ranked by what it shares with the ticket: the same intent
 * weighs most, then the product area, then words of the ticket's subject and
 * first message found in the macro's name and description.
 */
import type { Ticket } from '../tickets/model';
import type { Macro } from './model';

export interface MacroSuggestion {
  macro: Macro;
  score: number;
  /** Why it is suggested, for the agent ("same intent", "words: payout, bank"). */
  reasons: string[];
}

const STOP = new Set(
  'a about after again all also am an and any are as at be been before but by can cannot could did do does for from get got has have hello hi how i in is it its just me my no not now of on or our please so still than that the them then there this to was we what when why will with would you your'.split(
    ' ',
  ),
);

/** Lower-case word stems of 3+ letters, without stop words; `_` and `-` split words. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
}

const WEIGHT = { intent: 5, area: 3, word: 1, maxWords: 3 } as const;

export function suggestMacros(
  macros: readonly Macro[],
  ticket: Pick<Ticket, 'productArea' | 'intent' | 'subject'>,
  text = '',
  limit = 5,
): MacroSuggestion[] {
  const ticketWords = new Set(words(`${ticket.subject} ${text}`));
  const out: MacroSuggestion[] = [];
  for (const macro of macros) {
    let score = 0;
    const reasons: string[] = [];
    if (macro.intent !== null && macro.intent === ticket.intent) {
      score += WEIGHT.intent;
      reasons.push('same intent');
    }
    if (macro.productArea !== null && macro.productArea === ticket.productArea) {
      score += WEIGHT.area;
      reasons.push('same product area');
    }
    const shared = [...new Set(words(`${macro.name} ${macro.description}`))].filter((w) =>
      ticketWords.has(w),
    );
    if (shared.length > 0) {
      score += Math.min(shared.length, WEIGHT.maxWords) * WEIGHT.word;
      reasons.push(`words: ${shared.slice(0, WEIGHT.maxWords).join(', ')}`);
    }
    // A macro for another area needs more than a shared word to be worth showing.
    const otherArea =
      macro.productArea !== null && ticket.productArea !== null && macro.productArea !== ticket.productArea;
    if (score >= (otherArea ? 2 : 1)) out.push({ macro, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.macro.name.localeCompare(b.macro.name)).slice(0, limit);
}

/**
 * The picker's filter: every typed word must start a word of the macro's name,
 * description, intent or area. Name matches come first, then alphabetical.
 */
export function filterMacros(macros: readonly Macro[], query: string): Macro[] {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (terms.length === 0) return [...macros].sort((a, b) => a.name.localeCompare(b.name));
  const scored: { macro: Macro; inName: number }[] = [];
  for (const macro of macros) {
    const nameWords = macro.name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const all = [
      ...nameWords,
      ...(`${macro.description} ${macro.intent ?? ''} ${macro.productArea ?? ''}`
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []),
    ];
    if (!terms.every((t) => all.some((w) => w.startsWith(t)))) continue;
    scored.push({ macro, inName: terms.filter((t) => nameWords.some((w) => w.startsWith(t))).length });
  }
  return scored
    .sort((a, b) => b.inName - a.inName || a.macro.name.localeCompare(b.macro.name))
    .map((s) => s.macro);
}
