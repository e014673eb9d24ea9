/**
 * Change constructions: the levels before and after a change, and the amount of the change, linked in
 * one sentence. "from X to Y" and "Y, up from X" / "Y, compared with X": X is the earlier level, linked
 * to Y. "rose X to Y" / "were down X at Y": X is the change, linked to the level Y it reached. Each keeps
 * its own time: a date written after the earlier level is not the later level's.
 */
import type { DateMention } from '../extract-dates/index.ts';
import type { Figure } from './figures.ts';

/** Between X and Y in "from X to Y" (past a bracketed conversion). */
const FROM_TO = /^\s*(?:\([^()]{0,60}\)\s*)?(?:\s+(?:in|on|at|during|by|for)\s+[^,;.()]{1,30}?)?\s+to\s+$/i;
/** Between a change and the level it reached: "rose 5% to", "up four pence at", "fell $28.63 to". */
const CHANGE_TO = /^\s*(?:\([^()]{0,60}\)\s*)?(?:to|at)\s+$/i;
/** Between Y and an earlier X: ", up from", ", compared with", "against" (a few words of time may come first: "in January, compared with"). */
const LATER_EARLIER = /^\s*(?:\([^()]{0,60}\)\s*)?(?:\s+(?:in|on|at|for|during|by)\s+[^,;.\d]{1,30})?(?:,\s+(?:(?:up|down|rising|falling|a rise|a fall|an increase|a decrease|a drop)\s+)?from|,?\s+(?:up|down|rising|falling|rose|fell)\s+from|,?\s+(?:compared|comparing)\s+(?:with|to)|,\s+against|,\s+versus)\s+(?:the\s+)?$/i;

function link(figure: Figure, to: number, kind: 'earlier' | 'change'): void {
  figure.linkedTo = to;
  figure.link = kind;
}

/** Links the change constructions of one sentence's figures; `offset` is the first figure's index in the document. */
export function linkChanges(text: string, figures: Figure[], numberEnds: number[], offset: number, dates: DateMention[]): void {
  for (let i = 0; i + 1 < figures.length; i += 1) {
    const [a, b] = [figures[i]!, figures[i + 1]!];
    const between = text.slice(numberEnds[i]!, b.start);
    const sameKind = a.unit === b.unit && a.type !== 'change' && b.type !== 'change';
    if (sameKind && /\bfrom\s+$/i.test(text.slice(Math.max(0, a.start - 12), a.start)) && FROM_TO.test(between)) {
      link(a, offset + i + 1, 'earlier');
    } else if (a.type === 'change' && b.type !== 'change' && CHANGE_TO.test(between)) {
      link(a, offset + i + 1, 'change');
    } else if (sameKind && LATER_EARLIER.test(between)) {
      link(b, offset + i, 'earlier');
      separateTimes(b, a, numberEnds[i + 1]!, dates);
    }
  }
}

/** The later level does not take a date written after the earlier one ("£17.9bn, compared with £21.8bn in January last year"). */
function separateTimes(earlier: Figure, later: Figure, earlierEnd: number, dates: DateMention[]): void {
  const own = dates.find((date) => date.start >= earlierEnd && date.start - earlierEnd <= 12);
  if (!own || later.timeSource !== 'text' || later.time !== own.value) return;
  const before = dates.filter((date) => date.end <= later.start).at(-1);
  if (before) later.time = before.value;
  else {
    delete later.time;
    later.timeSource = 'document';
  }
}
