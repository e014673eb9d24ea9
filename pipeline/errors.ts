/** Program errors. Only pipeline/cli.ts catches them. */

/** The user asked for something the CLI cannot do as asked: exit 2 with one line saying how to fix it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run cannot start at all (e.g. the corpus folder does not exist): exit 1 with one line. */
export class FatalError extends Error {
  override name = 'FatalError';
}

/** One input file cannot be used; the run skips it and goes on. `path` is shown relative to the corpus. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
