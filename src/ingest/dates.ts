// Feed dates → UTC ISO 8601. Feeds write RFC 822 with odd day names and zones, W3C/ISO 8601 with or
// without a zone, and localized month names. Date.parse alone reads zone-less times in the machine's
// zone and accepts nonsense, so the common forms are read here; what none of them reads is reported,
// never invented.

/** Month names and abbreviations → month index, English first, then the languages feeds use most. */
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['jan', 'january', 'janv', 'janvier', 'januar', 'ene', 'enero', 'gen', 'gennaio', 'jänner', 'janeiro'],
    ['feb', 'february', 'févr', 'fevr', 'février', 'februar', 'febrero', 'febbraio', 'fev', 'fevereiro'],
    ['mar', 'march', 'mars', 'märz', 'mrz', 'marzo', 'março', 'marco'],
    ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile'],
    ['may', 'mai', 'mayo', 'mag', 'maggio', 'maio'],
    ['jun', 'june', 'juin', 'juni', 'junio', 'giu', 'giugno', 'junho'],
    ['jul', 'july', 'juil', 'juillet', 'juli', 'julio', 'lug', 'luglio', 'julho'],
    ['aug', 'august', 'août', 'aout', 'ago', 'agosto'],
    ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre', 'setembro'],
    ['oct', 'october', 'octobre', 'okt', 'oktober', 'octubre', 'ott', 'ottobre', 'out', 'outubro'],
    ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
    ['dec', 'december', 'déc', 'decembre', 'décembre', 'dez', 'dezember', 'dic', 'diciembre', 'dicembre', 'dezembro'],
  ].flatMap((names, month) => names.map((name) => [name, month] as const)),
);

/** Zone abbreviations → minutes east of UTC. RFC 822's US zones, military letters, and common others. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480,
  hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150, ist: 330, jst: 540, kst: 540, hkt: 480, sgt: 480,
  aest: 600, aedt: 660, acst: 570, awst: 480, nzst: 720, nzdt: 780,
  // RFC 822 military zones (RFC 1123 notes their signs were published backwards; feeds use them as written).
  a: -60, b: -120, c: -180, d: -240, e: -300, f: -360, g: -420, h: -480, i: -540, k: -600, l: -660, m: -720,
  n: 60, o: 120, p: 180, q: 240, r: 300, s: 360, t: 420, u: 480, v: 540, w: 600, x: 660, y: 720,
};

const ISO_8601 =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** "Tue, 4 Mar 2025 08:30:00 GMT", "4 March 25 8:30 EDT", "Dienstag, 4. März 2025 08:30 +0100". */
const RFC_822 =
  /^(?:[\p{L}.]+,?\s+)?(\d{1,2})\.?[\s-]+([\p{L}]+)\.?,?[\s-]+(\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:([+-]\d{2}:?\d{2}|[a-z]{1,5})\b.*)?$/iu;
/** "Tue Mar 04 2025 08:30:00 GMT", "Mar 4, 2025 8:30:00 PM EST", asctime. */
const MONTH_FIRST =
  /^(?:[\p{L}]+,?\s+)?([\p{L}]+)\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*(?:([+-]\d{2}:?\d{2}|[a-z]{1,5})\s*)?(\d{4})?$/iu;

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0; // A missing zone is read as UTC, the convention of feed readers: stable everywhere.
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  return ZONES[zone.toLowerCase()];
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, zone: string | undefined): string | undefined {
  const offset = offsetMinutes(zone);
  if (offset === undefined) return undefined;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000;
  const check = new Date(Date.UTC(year, month, day));
  if (check.getUTCDate() !== day) return undefined; // 31 April and friends
  return new Date(time).toISOString();
}

const twoDigitYear = (year: string): number => {
  const n = Number(year);
  if (year.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
};

/** UTC ISO 8601 for a feed date, or undefined when it cannot be read. */
export function parseFeedDate(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  const iso = ISO_8601.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    return build(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Number(`0.${frac ?? 0}`) * 1000, zone);
  }
  const rfc = RFC_822.exec(text);
  if (rfc) {
    const [, d, monthName, y, h, mi, s, zone] = rfc;
    const month = MONTHS[monthName!.toLowerCase()];
    if (month !== undefined) return build(twoDigitYear(y!), month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0, zone);
  }
  const first = MONTH_FIRST.exec(text);
  if (first) {
    const [, monthName, d, y1, h, mi, s, meridiem, zone, y2] = first;
    const month = MONTHS[monthName!.toLowerCase()];
    const year = y1 ?? y2;
    if (month !== undefined && year) {
      let hour = Number(h);
      if (meridiem?.toLowerCase() === 'pm' && hour < 12) hour += 12;
      if (meridiem?.toLowerCase() === 'am' && hour === 12) hour = 0;
      return build(Number(year), month, Number(d), hour, Number(mi), Number(s ?? 0), 0, zone);
    }
  }
  return undefined;
}
