/**
 * Every regular expression in the pipeline's code, literal or constructed, is checked with recheck
 * (a ReDoS checker) for catastrophic backtracking. Exponential backtracking fails the test outright.
 * A pattern passes unreviewed only when recheck's automaton analysis proves it safe: that verdict is
 * exact. Its fuzzer decides the patterns the automaton cannot (lookaround, backreferences, size),
 * and the fuzzer's verdict depends on its time budgets, so on a loaded machine the same pattern can
 * come out safe or polynomial (a CI run found the byline's LABEL polynomial, other runs safe). Those
 * patterns, and any the automaton finds super-linear or cannot decide in time, must be listed below
 * with the reason their work stays bounded, so a new one cannot slip in unreviewed;
 * `npm run bench:hostile` measures that whole documents stay linear.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_PATTERNS } from '../stages/extract-claims/attribution.ts';
import { nameLinePattern } from '../stages/extract-claims/author.ts';
import { BRACKETED, NAME_AFTER, NAME_BEFORE } from '../stages/extract-claims/descriptions.ts';
import { NUMBER, WORD_CONTINUATION } from '../stages/extract-figures/numbers.ts';
import { NUMBER_TYPE_PATTERNS } from '../stages/extract-figures/number-type.ts';
import { wordMatcher } from '../stages/narratives/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Patterns built with `new RegExp`, by file: each file that builds one must export them here. */
const CONSTRUCTED: Record<string, RegExp[]> = {
  'stages/extract-claims/attribution.ts': ATTRIBUTION_PATTERNS.map((entry) => entry.pattern),
  // Built from a declared author's name: always one escaped literal between runs of spaces or tabs, at a line start.
  'stages/extract-claims/author.ts': [nameLinePattern('Tom Pursglove'), nameLinePattern('C++ (U.S.) [Ltd]')],
  // Built from fixed word lists: a description of at most four words before its head.
  'stages/extract-claims/descriptions.ts': [BRACKETED, NAME_AFTER, NAME_BEFORE],
  'stages/extract-figures/numbers.ts': [NUMBER, WORD_CONTINUATION],
  'stages/extract-figures/number-type.ts': [...NUMBER_TYPE_PATTERNS],
  // Built from the terms looked for: always one alternation of escaped literals.
  'stages/narratives/index.ts': [wordMatcher(['clean', 'network', 'so-called', 'u.s.', 'c++'])],
};

/** Not proven linear by automaton analysis, reviewed: why their work cannot grow faster than the document. */
const BOUNDED: { file: string; contains: string; reason: string }[] = [
  { file: 'stages/extract-entities/gazetteer.ts', contains: ',?\\s+(?:\\p{Lu}\\.)+$', reason: "runs only on the world-countries package's capital names, a few words each" },
  { file: 'stages/extract-entities/abstain.ts', contains: '[\\p{L},] \\p{Lu}[\\p{L}’\'-]* (?:Against', reason: 'runs on the 40 characters before a name' },
  { file: 'stages/extract-entities/abstain.ts', contains: '(?:on|of|for|(?<=ing )the) $', reason: 'runs on the 40 characters before a name' },
  { file: 'stages/extract-entities/abstain.ts', contains: '(?!\\p{L}* \\p{Ll})', reason: 'anchored at the start of the 24 characters after a name' },
  { file: 'stages/extract-entities/abstain.ts', contains: '\\p{Lu}[\\p{L}&]* \\d{1,2} $', reason: 'runs on the 24 characters before a name' },
  { file: 'stages/ingest/html-meta.ts', contains: '(?:posted|published|updated|modified|date|on)\\b[^.\\d]{0,30}$', reason: 'runs on the 40 characters before a date' },
  { file: 'stages/ingest/blocks.ts', contains: '(\\*\\*|__)(?=\\S)([^\\n]{1,500}?)', reason: 'emphasis spans at most 500 characters of one line, so each start costs at most 500 steps (recheck calls it safe or polynomial depending on its time budget)' },
  { file: 'stages/ingest/byline.ts', contains: '[Bb]y\\s*:?\\s+[\\p{Lu}]', reason: 'runs only on blocks of at most 150 characters, and a name word cannot hold the separator that must follow it' },
  { file: 'stages/extract-claims/attribution.ts', contains: 'ccording\\s+to\\s+(?:(?:a|an|the)', reason: 'runs on one sentence, at most MAX_SENTENCE (1,000) characters' },
  { file: 'stages/extract-claims/attribution.ts', contains: '[.,;:]+$', reason: 'runs on a speaker name matched within a sentence' },
  { file: 'stages/extract-claims/attribution.ts', contains: '(?<!\\p{L})(\\p{Lu}\\p{L}{0,40}', reason: 'starts only at a word start and every repetition is bounded, so each start costs at most a few hundred steps' },
  { file: 'stages/extract-claims/attribution.ts', contains: '|he|she|they|it|[Tt]he\\s+(?:company|firm|', reason: 'patterns built with SUBJECT run on one sentence, at most MAX_SENTENCE characters, and SUBJECT reads a bounded number of words' },
  { file: 'stages/extract-claims/attribution.ts', contains: '){1,5}?[\\p{L}-]+,\\s+(\\p{Lu}', reason: 'runs on one sentence; starts only at a quote mark followed by a reporting verb, and reads at most six words and a name of four' },
  { file: 'stages/extract-claims/attribution.ts', contains: '\\s+in\\s+(?:an?|the|its)\\s+', reason: 'runs on one sentence, at most MAX_SENTENCE (1,000) characters: a start at "in a report by" reads at most to the sentence end, unambiguously (only a text repeating the phrase costs more than linear time)' },
  { file: 'stages/extract-claims/attribution.ts', contains: '\\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Ss]imilar)\\s+', reason: 'runs on one sentence, at most MAX_SENTENCE (1,000) characters: a start at "a report by" reads at most to the next comma, colon or quote mark, unambiguously (only a text repeating the phrase costs more than linear time)' },
  { file: 'stages/extract-claims/attribution.ts', contains: '(?:^|,\\s*)(?:[Aa]n?\\s+|[Tt]he\\s+)?', reason: 'runs on one sentence; starts only at its start or a comma and reads at most two words, a source noun, three auxiliaries and a verb' },
  { file: 'stages/extract-claims/descriptions.ts', contains: '((?:[\\p{L}’\'-]+\\s+){0,3}?(?:agency|', reason: 'starts only at "the" (or a comma before it) and reads at most four words after it, so each word is read from at most four starts: linear in the text' },
  { file: 'stages/extract-figures/figures.ts', contains: '\\S+$', reason: 'runs on a matched unit phrase of a few words' },
  { file: 'stages/extract-figures/figures.ts', contains: '|explained)\\b[^.]*?\\bthat\\b', reason: 'runs on the words between a subject and its figure, within one sentence' },
  { file: 'stages/extract-figures/figures.ts', contains: '(?:including|of which|among them|among which)\\s+$', reason: 'runs on the words between two figures of one sentence' },
  { file: 'stages/ingest/blocks.ts', contains: ']{0,1000}', reason: 'bounded repetitions: at most 3,000 steps from each "[", so linear in the line' },
  { file: 'stages/ingest/boilerplate.ts', contains: '^(?:recommend(?:ed)?', reason: 'only tried on blocks of at most MARKER_LENGTH (120) characters' },
  { file: 'stages/ingest/boilerplate.ts', contains: 'photo\\b[^)]{0,200}', reason: 'bounded repetitions: at most 200 steps from each "("' },
  { file: 'stages/ingest/boilerplate.ts', contains: '(\\d+)$', reason: 'runs on a location such as "lines 3-5"' },
  // recheck called this one safe in most runs and polynomial in a loaded one (its verdict depends on its time budget).
  { file: 'stages/ingest/boilerplate.ts', contains: 'download (?:the|our) (?:\\S+ ){0,3}apps?', reason: 'only tried on blocks of at most 300 characters (the call-to-action test)' },
  { file: 'stages/ingest/decode.ts', contains: '<meta[^>]+charset', reason: 'runs on the first 4,096 bytes of a page' },
  { file: 'stages/reconcile/wordnet.ts', contains: '\\(.*\\)$', reason: 'runs on a line of the WordNet database, not on documents' },
  { file: 'stages/resolve-entities/cluster.ts', contains: '\\s+(?:initiative|program', reason: 'runs on an entity name, within one sentence' },
  { file: 'stages/reconcile/measures.ts', contains: '(?:of|includes?|included|has|had|with|counts?', reason: 'runs on the words between a name and its figure, within one sentence' },
  { file: 'stages/reconcile/figure-pairs.ts', contains: '|from\\b[^.]*\\bto)\\b', reason: 'runs on one sentence' },
  { file: 'stages/reconcile/figure-pairs.ts', contains: '0+$', reason: 'runs on a formatted number' },
  { file: 'pipeline/run-pipeline.ts', contains: '\\s+\\S*$', reason: 'runs on the first 120 characters of a text' },
  { file: 'stages/report/markdown.ts', contains: '&(?=[A-Za-z][A-Za-z0-9]{0,31};', reason: 'single characters, or an "&" whose look-ahead reads at most 33 characters: linear in the text' },
  { file: 'stages/extract-entities/abstain.ts', contains: '(?<![\\p{L}\\p{N}])\\p{Ll}+(?![\\p{L}\\p{N}])', reason: 'the look-behind lets a match start only at the start of a word, so each word is tried once: linear in the text' },
  { file: 'stages/extract-figures/changes.ts', contains: '(?:in|on|at|during|by|for)\\s+[^,;.()]{1,30}?)?\\s+to\\s+$', reason: 'runs on the text between two figures of one sentence (at most MAX_SENTENCE characters), with bounded repetitions' },
  { file: 'stages/extract-figures/changes.ts', contains: '(?:\\([^()]{0,60}\\)\\s*)?(?:to|at)\\s+$', reason: 'runs on the text between two figures of one sentence, with bounded repetitions' },
  { file: 'stages/extract-figures/changes.ts', contains: '(?:in|on|at|for|during|by)\\s+[^,;.\\d]{1,30})?', reason: 'runs on the text between two figures of one sentence, with bounded repetitions' },
  { file: 'stages/extract-figures/figures.ts', contains: '(?:more than|(?<!\\b(?:hand|hands|handed', reason: 'runs on the 25 characters before a number' },
  { file: 'stages/extract-figures/counted.ts', contains: '\\b(?:cost|costs|costing)\\s+', reason: 'runs on the 40 characters before a number' },
  { file: 'stages/extract-figures/counted.ts', contains: '^\\s*\\([^()]{0,60}\\)', reason: 'anchored at the start, one bounded repetition' },
  { file: 'stages/extract-figures/counted.ts', contains: '^\\s+(?:more|other|additional|extra|further)\\s+', reason: 'anchored at the start of the text after a number; each alternative is one word' },
  { file: 'stages/extract-figures/counted.ts', contains: '^\\s+(?:in|on)\\s+(?!(?:the|a|an|its', reason: 'anchored at the start of the text after a number; the look-ahead reads one word' },
  { file: 'stages/extract-figures/number-type.ts', contains: '^(?:\\/[a-z]+)?(?:\\s+(?!of\\b', reason: 'anchored at the start of the text after a number; one optional word before the change word' },
  { file: 'stages/extract-figures/number-type.ts', contains: '\\b(?:rates?|interest|yield', reason: 'runs on the 80 characters before a number' },
  { file: 'stages/extract-figures/number-type.ts', contains: '^\\s*(?:\\+\\s*)?(?:\\([^)]{0,20}\\)\\s*)?of\\s+', reason: 'anchored at the start of the text after a number, with bounded repetitions' },
  { file: 'stages/extract-figures/number-type.ts', contains: '\\b(?:won|win|wins|lost|lose|loses|beat', reason: 'runs on the 80 characters before a number' },
  { file: 'stages/extract-figures/number-type.ts', contains: '\\p{Lu}[\\p{L}\'’-]+,\\s+$', reason: 'runs on the 80 characters before a number' },
  { file: 'stages/extract-figures/number-type.ts', contains: '(\\p{Lu}[\\p{L}.&]*(?:[’\']s)?) $', reason: 'runs on the 80 characters before a number' },
  { file: 'stages/extract-figures/number-type.ts', contains: '\\p{Lu}\\p{L}* $', reason: 'runs on the 80 characters before a number' },
  { file: 'stages/extract-figures/ranges.ts', contains: '\\b(?:from|rose|rise|rises|risen|fell', reason: 'runs on the 60 characters before a range' },
  { file: 'stages/extract-figures/ranges.ts', contains: '\\b(?:ranges?|ranging|ranged|varies', reason: 'runs on the 60 characters before a range' },
  { file: 'stages/segment/index.ts', contains: '[.!?](?:\\[\\d{1,3}\\]){1,5}', reason: 'bounded repetitions: at most five marks of three digits after each sentence end' },
  { file: 'stages/extract-figures/numbers.ts', contains: '^(?:\\s(?:and\\s)?(?:two|three|four', reason: 'anchored at the start of the text after a number word, and each repetition reads one more number word' },
  { file: 'stages/extract-figures/number-type.ts', contains: '\\b(rose|rise|rises|risen|rising|up|spike', reason: 'runs on the 80 characters before a number' },
  { file: 'pipeline/commands/command.ts', contains: 'To specify a positional argument', reason: "runs on Node's one-line argument error" },
  { file: 'stages/extract-figures/numbers.ts', contains: '(?<currency>', reason: 'bounded repetitions only, and runs on one sentence' },
  // Decided by the fuzzer (lookaround or size), whose verdict varies with the machine's load.
  { file: 'stages/ingest/byline.ts', contains: '(?:(?:last )?updated|published', reason: 'runs only on blocks of at most 150 characters' },
  { file: 'stages/ingest/byline.ts', contains: 'filed under|section)', reason: 'runs only on blocks of at most 150 characters' },
  { file: 'stages/ingest/boilerplate.ts', contains: '^(?:<<(?!<)|>>(?!>)', reason: 'anchored at the start, and every alternative has a fixed length' },
  { file: 'stages/ingest/boilerplate.ts', contains: '^(?:sign up|subscribe|register)\\b.{0,80}', reason: 'anchored at the start, with bounded repetitions: one attempt of at most a few hundred steps' },
  { file: 'stages/ingest/boilerplate.ts', contains: '^by (?:submitting|signing up', reason: 'anchored at the start, with bounded repetitions: one attempt of at most a few hundred steps' },
  { file: 'stages/ingest/boilerplate.ts', contains: '^(?:follow (?:us|', reason: 'anchored at the start, with bounded repetitions: one attempt of at most a few hundred steps' },
  { file: 'stages/ingest/html.ts', contains: '^(?:share(?: this)?', reason: 'anchored at the start and the end, with bounded repetitions: one attempt of at most a few hundred steps' },
  { file: 'stages/ingest/html.ts', contains: '^\\(?(?:(?:photo(?:graph)?', reason: 'runs only on blocks of under 100 characters' },
  { file: 'stages/ingest/html-meta.ts', contains: '[a-z]{0,6}\\.? \\d{1,2},? \\d{4}', reason: 'bounded repetitions only: at most a few dozen steps from each position' },
  { file: 'stages/ingest/nesting.ts', contains: '[a-zA-Z0-9:-]{0,40})(?![a-zA-Z0-9:-])', reason: 'bounded repetitions only: at most about 2,000 steps from each "<"' },
  { file: 'stages/parse/tagger.ts', contains: '(\\p{Lu})(\\p{Ll}+)(?!', reason: 'runs on the 60 characters at a sentence start' },
  { file: 'stages/segment/index.ts', contains: '[.!?][”"’]+(?=', reason: 'starts only at ".", "!" or "?" and reads the run of closing quotes after it, which no other start reads' },
  { file: 'stages/extract-claims/claims.ts', contains: '(?:not(?!\\s+(?:only', reason: 'runs on one claim, within one sentence' },
  { file: 'stages/extract-dates/index.ts', contains: '(?:in|since|by|from|to|until', reason: 'runs on one sentence' },
  { file: 'stages/reconcile/rules/denial.ts', contains: '(?:denied|denies|deny|rejected', reason: 'runs on one claim, within one sentence' },
  { file: 'stages/reconcile/claim-reading.ts', contains: '(?:exaggerat\\w*|overstat', reason: 'runs on one claim, within one sentence' },
];

interface Pattern {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regular expression literal in the TypeScript under `dirs`, found by parsing, not by grep. */
function literalPatterns(dirs: string[]): { patterns: Pattern[]; constructing: Set<string> } {
  const patterns: Pattern[] = [];
  const constructing = new Set<string>();
  for (const dir of dirs) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (!name.endsWith('.ts')) continue;
      const file = join(dir, name);
      const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node)) {
          const slash = node.text.lastIndexOf('/');
          patterns.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: node.text.slice(1, slash), flags: node.text.slice(slash + 1) });
        }
        if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') constructing.add(file);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { patterns, constructing };
}

describe('regular expressions against catastrophic backtracking', () => {
  const { patterns: literals, constructing } = literalPatterns(['stages', 'pipeline']);

  it('finds them all: literals by parsing the code, and every file that builds one exports what it builds', () => {
    expect(literals.length).toBeGreaterThan(150);
    expect([...constructing].sort()).toEqual(Object.keys(CONSTRUCTED).sort());
  });

  it('have none that backtracks exponentially, and only reviewed ones that automaton analysis does not prove linear', async () => {
    const constructed = Object.entries(CONSTRUCTED).flatMap(([file, list]) => list.map((pattern) => ({ file, line: 0, source: pattern.source, flags: pattern.flags })));
    const all = [...literals, ...constructed];
    const results: Awaited<ReturnType<typeof check>>[] = [];
    let next = 0;
    const checkNext = async () => {
      for (let index = next++; index < all.length; index = next++) results[index] = await check(all[index]!.source, all[index]!.flags.replace(/[gy]/g, ''), { timeout: 60_000, randomSeed: 1 });
    };
    await Promise.all([checkNext(), checkNext()]);
    const exponential: string[] = [];
    const unreviewed: string[] = [];
    all.forEach((pattern, index) => {
      const result = results[index]!;
      if (result.status === 'safe' && result.checker === 'automaton') return;
      const where = `${pattern.file}:${pattern.line} /${pattern.source.slice(0, 80)}/`;
      if (result.status === 'vulnerable' && result.complexity.type === 'exponential') exponential.push(`${where} with ${result.attack.pattern}`);
      const review = BOUNDED.find((entry) => entry.file === pattern.file && pattern.source.includes(entry.contains));
      if (!review) unreviewed.push(`${where}: ${result.status} by ${result.checker ?? 'no checker'}${result.status === 'vulnerable' ? ` (${result.complexity.type}, e.g. ${result.attack.pattern})` : ''}`);
    });
    expect(exponential).toEqual([]);
    expect(unreviewed).toEqual([]);
    // A review names code that exists (whether recheck decides it in time may vary with the machine's load).
    expect(BOUNDED.filter((entry) => !all.some((pattern) => pattern.file === entry.file && pattern.source.includes(entry.contains)))).toEqual([]);
  }, 300_000);
});
