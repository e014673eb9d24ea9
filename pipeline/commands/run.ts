/** `narratives run`: the whole pipeline over the corpus, incrementally. */
import { ARTICLE_TYPES } from '../corpus.ts';
import { UsageError } from '../errors.ts';
import { formatNumber } from '../format.ts';
import type { ProgressMode } from '../progress.ts';
import { runPipeline, type RunOptions, type RunSummary } from '../run-pipeline.ts';
import { parseSize, positiveInteger, RUN_OPTIONS, RUN_OPTIONS_HELP, parseSeconds, type Command } from './command.ts';

/** What a command sets beyond the shared run options. */
type CommandRunOptions = Pick<RunOptions, 'expectNewFiles' | 'underLock' | 'followSymlinks' | 'allowEmpty'>;

/**
 * Runs the pipeline with the run options shared by `run` and `add`, prints the summary, returns the exit
 * status. `expectNewFiles` when the caller has just added files (see RunOptions).
 */
export async function runWithOptions(values: Record<string, string | boolean | undefined>, extra: CommandRunOptions = {}): Promise<number> {
  const json = values.json === true;
  const quiet = values.quiet === true;
  const summary = await runPipeline({
    ...extra,
    corpusDir: String(values.corpus),
    dbPath: String(values.db),
    reportsDir: String(values.reports),
    concurrency: positiveInteger(values.concurrency, 'concurrency'),
    minDocumentsForWorkers: values['workers-from'] === undefined ? undefined : positiveInteger(values['workers-from'], 'workers-from'),
    force: values.force === true,
    maxBytes: parseSize(values['max-size']),
    waitSeconds: parseSeconds(values.wait, 'wait'),
    progress: progressMode(values.progress, quiet || json),
    log: (line) => {
      if (!quiet || line.startsWith('error')) process.stderr.write(`${line}\n`);
    },
  });
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!quiet) process.stderr.write(`${describeSummary(summary)}\n`);
  return values.strict === true && summary.documents.rejected > 0 ? 1 : 0;
}

/** --progress auto shows a live line on a terminal only; lines prints one line per step anywhere. */
function progressMode(value: string | boolean | undefined, silent: boolean): ProgressMode {
  if (value === 'lines') return 'lines';
  if (value === 'none' || silent) return 'off';
  if (value !== 'auto') throw new UsageError(`--progress takes auto, lines or none, not "${String(value)}"`);
  return process.stderr.isTTY === true ? 'terminal' : 'off';
}

/** "1 document", "2,225 documents". */
const counted = (count: number, noun: string) => `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;

/** The run in one line for people. */
export function describeSummary(summary: RunSummary): string {
  const d = summary.documents;
  const parts = [`${d.added} added`, `${d.changed} changed`, `${d.unchanged} unchanged`, `${d.removed} removed`, `${d.rejected} rejected`];
  if (d.reprocessed) parts.splice(2, 0, `${d.reprocessed} re-processed`);
  return `run ${summary.run}: ${parts.join(', ')}; ${counted(summary.tables.documents ?? 0, 'document')}, ${counted(summary.tables.sentences ?? 0, 'sentence')} stored${summary.corpusStagesSkipped ? ', reports already up to date' : ''} in ${summary.seconds.total}s`;
}

export const command: Command = {
  name: 'run',
  usage: `Usage: narratives run [options]

Reads every article in the corpus folder, stores documents, paragraphs and sentences in the
SQLite store and writes the Markdown reports. Unchanged documents are skipped.
Articles are files ending ${ARTICLE_TYPES}.
Symbolic links are read only with --follow-symlinks.

Options:
${RUN_OPTIONS_HELP}
  --wait SECONDS      wait up to this long for another run writing the store to end (default: 0)
  --follow-symlinks   read symbolic links in the corpus folder that lead to files inside it
  --allow-empty       let a run remove every stored document (a corpus folder with none of their
                      files, such as an empty one)
  -h, --help          this help`,
  options: {
    ...RUN_OPTIONS,
    wait: { type: 'string', default: '0' },
    'follow-symlinks': { type: 'boolean', default: false },
    'allow-empty': { type: 'boolean', default: false },
  },
  positionals: 'none',
  run: (values) => runWithOptions(values, { followSymlinks: values['follow-symlinks'] === true, allowEmpty: values['allow-empty'] === true }),
};
