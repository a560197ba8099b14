// Its own module so the CLI can recognise configuration errors without loading the YAML parser
// (about 60 ms of start-up) on commands that never read a config file.
/** A configuration problem: the message names the file or key and what to do. Exit code 2. */
export class ConfigError extends Error {}
