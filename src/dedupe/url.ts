// URL canonicalization: two spellings of one article's address must compare equal.

/**
 * Query parameters that only say where a click came from; they never change the article.
 *
 * | parameter | set by |
 * | --- | --- |
 * | `utm_*` | Google Analytics campaign tags, used by most newsletters and feeds |
 * | `fbclid`, `igshid` | Facebook, Instagram |
 * | `gclid`, `dclid`, `gbraid`, `wbraid` | Google Ads |
 * | `msclkid` | Microsoft Ads |
 * | `yclid` | Yandex |
 * | `twclid`, `ref_src`, `ref_url` | X/Twitter embeds |
 * | `mc_cid`, `mc_eid` | Mailchimp |
 * | `_ga`, `_gl` | Google cross-domain linking |
 * | `ref`, `referrer`, `source`, `cmpid`, `smid`, `partner`, `ito`, `at_medium`, `at_campaign`, `rss`, `ncid`, `ocid`, `sr_share`, `share` | publisher share and referral tags |
 * | `outputType=amp`, `amp`, `amp=1` | AMP renderings (see AMP below) |
 */
const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i,
  /^(fbclid|igshid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ref_src|ref_url|mc_cid|mc_eid|_ga|_gl)$/i,
  /^(ref|referrer|source|cmpid|smid|partner|ito|at_medium|at_campaign|rss|ncid|ocid|sr_share|share)$/i,
];
/** Query values that only ask for the AMP rendering of the same article. */
const AMP_PARAMS: ReadonlyArray<readonly [name: RegExp, value: RegExp]> = [
  [/^outputtype$/i, /^amp$/i],
  [/^amp$/i, /^(|1|true)$/i],
];

/**
 * Canonical form of an article URL, or '' when the input is not an http(s) URL: https, lowercase host
 * without `www.` or `amp.`, no port, fragment, tracking or AMP parameters, no `amp` path segment
 * (`/amp/x`, `/x/amp/`, `/x.html/amp`), no trailing slash, remaining parameters sorted.
 */
export function canonicalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  // Scheme does not distinguish articles; publishers serve the same page on both.
  url.protocol = 'https:';
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^(www|amp|m)\./, '');
  url.port = '';
  for (const [key, value] of [...url.searchParams.entries()]) {
    const amp = AMP_PARAMS.some(([name, v]) => name.test(key) && v.test(value));
    if (amp || TRACKING_PARAMS.some((pattern) => pattern.test(key))) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  let path = url.pathname
    .replace(/\/{2,}/g, '/')
    .split('/')
    .filter((segment) => segment.toLowerCase() !== 'amp')
    .join('/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  url.pathname = path || '/';
  return url.toString();
}
