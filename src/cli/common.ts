// What every command shares: argument parsing that turns mistakes into usage errors, and exit codes.
//
// Exit codes (the README's table; one meaning per fault, in every command):
//   0  success
//   1  the work ran and something in it failed: an input could not be fetched or held nothing usable
//      (network or HTTP error, empty, binary, not a feed, no article), audit findings, nothing stored yet
//   2  the request cannot be carried out as given: bad usage or configuration, or a refused input (no
//      such file, not a readable file, over the size cap, a private address, not an http(s) URL)
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config-error.js';
import { loadConfig, type Config } from '../config.js';
import { hasUndecodableName, UNDECODABLE_NAME } from '../ingest/local-file.js';
import type { InputFailure } from '../model.js';

/** A command: takes its arguments, prints, and returns the exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Bad flags or arguments: exit 2 with usage. */
export class UsageError extends Error {}

/** A failure the user can act on, with its exit code; printed as one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Reasons for the file-system errors that make a named file unusable (exit 2), by Node error code. */
const REFUSED_FILE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file; check the path',
  EISDIR: 'is a folder; pass one file',
  ENOTDIR: 'a part of the path is not a folder; check the path',
  EACCES: "permission denied; check the file's permissions",
  EPERM: "permission denied; check the file's permissions",
  ELOOP: 'too many levels of symbolic links; fix the link',
  ENAMETOOLONG: 'file name too long',
};

/** One named file that could not be read, as the line to print and the table's exit code. */
export function fileError(label: string, error: unknown): CliError {
  const code = (error as { code?: unknown } | undefined)?.code;
  // The size cap's own error says how large the file is and what the limit is.
  if (code === 'ETOOLARGE') return new CliError(`${label}: ${(error as Error).message}`, 2);
  if (code === 'ENOENT' && hasUndecodableName(label)) return new CliError(`${label}: ${UNDECODABLE_NAME}`, 2);
  const refused = typeof code === 'string' ? REFUSED_FILE_REASONS[code] : undefined;
  if (refused) return new CliError(`${label}: ${refused}`, 2);
  return new CliError(`${label}: cannot be read (${typeof code === 'string' ? code : String(error)})`, 1);
}

/** SQLite result codes for a write that found no room: its message, "database or disk is full", names no file. */
const STORE_FULL = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC']);

/** A store write that failed for lack of space, as one line naming the database (exit 1); anything else as it is. */
export function storeFailure(db: string, error: unknown): unknown {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  if (!STORE_FULL.has(code)) return error;
  return new CliError(`cannot write the database ${db}: no space left on the device (${code}); free some space or pass --db with another place`, 1);
}

/** The exit code for a run's failed inputs: 2 when any was refused, 1 when some failed, else 0. */
export function failureExitCode(failures: readonly InputFailure[]): number {
  if (failures.some((failure) => failure.refused)) return 2;
  return failures.length > 0 ? 1 : 0;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies Options;

/** A negative number, with a unit or not: `-3`, `-0.5`, `-.5`, `-3h`. */
const NEGATIVE_NUMBER = /^-(\d+(\.\d*)?|\.\d+)[a-z]*$/i;

/**
 * `--sentences -3` as `--sentences=-3`: node:util reads a value starting with a dash as a missing value
 * ("argument is ambiguous"), so the command never got to say what is wrong with -3 itself.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function parseCommandLine<T extends Options>(argv: string[], options: T) {
  try {
    const all = { ...COMMON_OPTIONS, ...options };
    return parseArgs({ args: joinNegativeValues(argv, all), options: all, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    // Any other value that starts with a dash: node:util calls it "ambiguous"; say how to give it.
    const ambiguous = /^Option '(-[^ ']+)[^']*' argument is ambiguous/.exec(message);
    if (ambiguous) throw new UsageError(`${ambiguous[1]} needs a value; to give one that starts with a dash, write ${ambiguous[1]}=VALUE`);
    // node:util's messages name the flag; drop its internal error code prefix. Its unknown-option message runs
    // on over lines (and its first line ends mid-quote), so that one is said in our own words.
    const reason = message.replace(/^.*?: /, '');
    const unknown = /^Unknown option '([^']+)'/.exec(reason);
    if (unknown) throw new UsageError(`unknown option "${unknown[1]}" (to pass a value that starts with "-", put it after "--")`);
    throw new UsageError(reason.split('\n')[0]!);
  }
}

/** Runs `body`, turning configuration problems into exit code 2. */
export function withConfigErrors<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

/** The flags that set configuration, as every command spells them. */
export interface ConfigFlags {
  config?: string | undefined;
  db?: string | undefined;
  out?: string | undefined;
  'allow-private'?: boolean | undefined;
  'user-agent'?: string | undefined;
  sources?: string[] | undefined;
  every?: string | undefined;
  threads?: string | undefined;
  'llm-url'?: string | undefined;
  'llm-model'?: string | undefined;
}

/** The one place flags become configuration: defaults, then the config file, the environment, then these flags. */
export function configFromFlags(values: ConfigFlags): Config {
  return withConfigErrors(() =>
    loadConfig({
      ...(values.config ? { file: values.config } : {}),
      flags: {
        ...(values.db ? { db: values.db } : {}),
        ...(values.out ? { out: values.out } : {}),
        ...(values['allow-private'] ? { allowPrivate: true } : {}),
        ...(values['user-agent'] ? { userAgent: values['user-agent'] } : {}),
        ...(values.sources && values.sources.length > 0 ? { sources: values.sources } : {}),
        ...(values.every !== undefined ? { every: values.every } : {}),
        ...(values.threads !== undefined ? { threads: values.threads } : {}),
        ...(values['llm-url'] ? { llmUrl: values['llm-url'] } : {}),
        ...(values['llm-model'] ? { llmModel: values['llm-model'] } : {}),
      },
    }),
  );
}
