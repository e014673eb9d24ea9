/** The shape of a CLI command module, and option parsing shared by all of them. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.ts';
import { DEFAULT_DB } from '../db/open.ts';
import { closest } from './suggest.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  /** The full `--help` text. */
  usage: string;
  options: Options;
  positionals: 'none' | 'some' | 'one';
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

/** Options shared by the commands that read or write the store. */
export const DB_OPTION: Options = { db: { type: 'string', default: DEFAULT_DB } };

/** Options of the commands that run the pipeline (run and add). */
export const RUN_OPTIONS: Options = {
  ...DB_OPTION,
  corpus: { type: 'string', default: 'corpus' },
  reports: { type: 'string', default: 'reports' },
  concurrency: { type: 'string', default: String(availableParallelism()) },
  'workers-from': { type: 'string' },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  progress: { type: 'string', default: 'auto' },
  strict: { type: 'boolean', default: false },
  'max-size': { type: 'string', default: '5MB' },
};

export const RUN_OPTIONS_HELP = `  --corpus DIR        the corpus folder (default: corpus)
  --db FILE           the store (default: ${DEFAULT_DB})
  --reports DIR       where the Markdown reports go (default: reports)
  --concurrency N     documents in flight at once (default: the number of cores)
  --workers-from N    use worker threads from N documents to process (default: 300; below that
                      their start costs more than they save)
  --force             re-process every document, changed or not
  --json              print a machine-readable run summary on stdout
  --quiet             no progress line and no warnings, only errors
  --progress MODE     auto (a live line on a terminal), lines (one line per document and stage,
                      for scripts and logs) or none (default: auto)
  --strict            exit 1 when any file was rejected
  --max-size SIZE     largest file read, e.g. 5MB, 800KB (default: 5MB)`;

/** Parses a command's arguments; an unknown flag or a missing value is a usage error. */
export function parseCommandArgs(command: Command, args: string[]) {
  try {
    const { values, positionals } = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: command.positionals !== 'none', strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
    // A mistyped long flag (--forse) names the flag it most likely meant.
    const typed = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
    const meant = typed === undefined ? undefined : closest(typed, [...Object.keys(command.options), 'help']);
    throw new UsageError(`${command.name}: ${message}${meant ? `; did you mean --${meant}?` : ''}`);
  }
}

/** A whole number of at least 1 from a flag. */
export function positiveInteger(value: string | boolean | undefined, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${flag} takes a whole number of at least 1, not "${String(value)}"`);
  return number;
}

/** A number of seconds, 0 or more, from a flag. */
export function parseSeconds(value: string | boolean | undefined, flag: string): number {
  const number = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`--${flag} takes a number of seconds, 0 or more, not "${String(value)}"`);
  return number;
}

/** A size such as 5MB, 800KB, 1.5GB or a number of bytes. */
export function parseSize(value: string | boolean | undefined): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(String(value).trim());
  if (!match) throw new UsageError(`--max-size takes a size such as 5MB or 800KB, not "${String(value)}"`);
  const unit = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 }[(match[2] ?? 'b').toLowerCase() as 'b']!;
  return Math.round(Number(match[1]) * unit);
}
