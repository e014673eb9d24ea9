/**
 * The command-line entry and the only error boundary: usage errors exit 2 with one line, fatal input
 * errors exit 1 with one line, anything else is a bug and prints its stack.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from './commands/command.ts';
import { parseCommandArgs } from './commands/command.ts';
import { closest } from './commands/suggest.ts';
import { FatalError, UsageError } from './errors.ts';
import { visibleName } from './shown-text.ts';

/**
 * Each command's one-line summary, and its module, loaded only when that command runs: `--help` and a
 * store query never load the language models the pipeline needs.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  run: { summary: 'run the pipeline over the corpus (only new and changed documents are processed)', load: () => import('./commands/run.ts') },
  add: { summary: 'copy articles into the corpus with their metadata, then run', load: () => import('./commands/add.ts') },
  search: { summary: 'find stored sentences by words (SQLite FTS5 query syntax)', load: () => import('./commands/search.ts') },
  export: { summary: 'print the whole store as JSON, or the reviewed findings as ClaimReview', load: () => import('./commands/export.ts') },
  findings: { summary: 'list the findings to review, conflicts first', load: () => import('./commands/findings.ts') },
  show: { summary: 'show one finding with its quotes in context', load: () => import('./commands/show.ts') },
  review: { summary: 'record a verdict on a finding', load: () => import('./commands/review.ts') },
  backup: { summary: 'copy the store to a file, safely while a run is writing it', load: () => import('./commands/backup.ts') },
  unlock: { summary: 'free a store left locked by a run that is over', load: () => import('./commands/unlock.ts') },
};

const MAIN_USAGE = `Usage: narratives <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`)
  .join('\n')}

Run narratives <command> --help for a command's options; narratives --version prints the version.
With --json, an error is printed on stderr as one line of JSON: {"error": "…", "code": STATUS}.`;

/**
 * The version in package.json: beside pipeline/ when run from the sources, two folders up from the
 * bundle in dist/pipeline/. Read when asked, so a version bump needs no rebuild.
 */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'narratives' && manifest.version) return manifest.version;
    } catch {
      // Not at this level: try the next.
    }
  }
  throw new FatalError('cannot find the package.json of narratives to read its version');
}

/** The unknown command's error, naming the command most likely meant. */
function unknownCommand(name: string): UsageError {
  const meant = closest(name, Object.keys(COMMANDS));
  if (meant) return new UsageError(`unknown command "${name}"; did you mean "${meant}"?`);
  return new UsageError(`unknown command "${name}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
}

/** --json among the options (not after a `--`): errors are then printed as JSON too. */
function wantsJson(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

/** What a file system error says of the path it names, for the errors a wrong path or folder gives. */
const FILE_ERRORS: Record<string, string> = {
  ENOTDIR: 'a part of this path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'on a read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A file system error on a path the user gave (or a folder under it) as a one-line error, else undefined. */
function fileError(error: unknown): FatalError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = code ? FILE_ERRORS[code] : undefined;
  return reason && typeof path === 'string' ? new FatalError(`${visibleName(path)}: ${reason}`) : undefined;
}

/** Prints an error on stderr, as one line of text or of JSON, and returns its exit status. */
function reportError(error: unknown, name: string | undefined, json: boolean): number {
  let message: string;
  let code: number;
  if (error instanceof UsageError) {
    message = `${error.message} (see narratives${name && COMMANDS[name] ? ` ${name}` : ''} --help)`;
    code = 2;
  } else if (error instanceof FatalError || fileError(error)) {
    message = (error instanceof FatalError ? error : fileError(error)!).message;
    code = 1;
  } else {
    const stack = (error as Error)?.stack ?? String(error);
    if (json) process.stderr.write(`${JSON.stringify({ error: `internal error, please report it with the command you ran: ${String((error as Error)?.message ?? error)}`, code: 70, stack })}\n`);
    else process.stderr.write(`narratives: internal error, please report it with the command you ran:\n${stack}\n`);
    return 70;
  }
  process.stderr.write(json ? `${JSON.stringify({ error: message, code })}\n` : `narratives: ${message}\n`);
  return code;
}

/** Runs the CLI with `argv` (without node and the script); returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(`${MAIN_USAGE}\n`);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-V') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    const load = COMMANDS[name]?.load;
    if (!load) throw unknownCommand(name);
    const { command } = await load();
    const { values, positionals } = parseCommandArgs(command, args);
    if (values.help === true) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    if (command.positionals === 'none' && positionals.length > 0) throw new UsageError(`${name}: unexpected argument "${positionals[0]}"`);
    if (command.positionals === 'one' && positionals.length !== 1) throw new UsageError(`${name}: give exactly one ${name === 'search' ? 'query' : 'finding id'}`);
    return await command.run(values, positionals);
  } catch (error) {
    return reportError(error, name, wantsJson(args));
  }
}

/** Runs the CLI as the program: the exit status from main, and output cut short by a reader (`| head`) is no error. */
export async function runAsProgram(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  process.exitCode = await main(process.argv.slice(2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAsProgram();
