// What publishing takes from the config, and its defaults: owned here, read by config.ts.

export interface PublishOptions {
  /** Title of the briefing and the feeds. */
  title: string;
  /** Absolute URL where the output folder is served (feeds need absolute links). */
  siteUrl: string;
  /** User template files replacing the bundled ones. */
  templates: { html?: string; markdown?: string };
  /** Longest story digest in the briefing and feeds, in words (default DEFAULT_DIGEST_WORDS). */
  digestWords?: number;
}

/** `http://localhost/` is valid in every feed reader; set it to where the output folder is served. */
export const DEFAULT_PUBLISH_OPTIONS: PublishOptions = { title: 'newsdesk briefing', siteUrl: 'http://localhost/', templates: {} };
