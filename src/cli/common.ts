// What every command shares: argument parsing that turns mistakes into usage errors, and exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config-error.js';
import { loadConfig, type Config } from '../config.js';

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

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies Options;

export function parseCommandLine<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages name the flag; drop its internal error code prefix. Its unknown-option message runs
    // on over lines (and its first line ends mid-quote), so that one is said in our own words.
    const message = (error as Error).message.replace(/^.*?: /, '');
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option "${unknown[1]}" (to pass a value that starts with "-", put it after "--")`);
    throw new UsageError(message.split('\n')[0]!);
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
      },
    }),
  );
}
