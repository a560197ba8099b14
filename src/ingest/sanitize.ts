// HTML from feeds is untrusted: it goes through sanitize-html (an allow-list sanitizer) on the way in.
// Text, links, images, lists, tables and quotes survive; scripts, styles, event handlers, frames,
// objects, forms, meta refresh, SVG/MathML and javascript:/vbscript:/data: URLs do not. Relative URLs
// are resolved against the content's base (xml:base or the feed URL) so links work out of context.
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
  'p', 'picture', 'pre', 'q', 's', 'small', 'source', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'audio', 'video',
];

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster']);

function resolve(value: string, base: string): string {
  if (!base) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function options(base: string): sanitizeHtml.IOptions {
  const resolving = (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const out: sanitizeHtml.Attributes = {};
    for (const [name, value] of Object.entries(attribs)) out[name] = URL_ATTRIBUTES.has(name) ? resolve(value, base) : value;
    return { tagName, attribs: out };
  };
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      source: ['src', 'type'],
      audio: ['src', 'controls'],
      video: ['src', 'poster', 'controls', 'width', 'height'],
      blockquote: ['cite'],
      q: ['cite'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
    allowProtocolRelative: true,
    // Content of dropped containers that is never text a reader should see.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'title', 'head'],
    transformTags: { a: resolving, img: resolving, source: resolving, audio: resolving, video: resolving, blockquote: resolving, q: resolving },
  };
}

/** The options of the last base: a feed's items share one base, and building options per call shows in profiles. */
let cached: { base: string; options: sanitizeHtml.IOptions } | undefined;

/** Sanitized HTML with URLs resolved against `base`. */
export function sanitizeFeedHtml(html: string, base = ''): string {
  if (cached?.base !== base) cached = { base, options: options(base) };
  return sanitizeHtml(html, cached.options).trim();
}
