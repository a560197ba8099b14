// A small evaluator for the Python expressions in feedparser's test headers ("Expect:"), over a view
// of our parse result shaped like feedparser's dict. It understands the forms those headers use:
// and/or/not, ==, !=, is (not) None/True/False, in, subscripts, attribute access, .get(), tuples,
// lists, dicts and string/number literals. Reading a key the view does not map raises Unmappable,
// so a case is reported as "could not map" rather than counted as a failure.

export class Unmappable extends Error {}

type Value = unknown;
type Token = { kind: 'name' | 'string' | 'number' | 'op'; text: string };

const TOKEN = /\s*(?:([uUrRbB]{0,2}(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))|(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(==|!=|<=|>=|[()[\]{},.:<>-]))/y;

function unescape(literal: string): string {
  const raw = /^[rR]/.test(literal);
  const body = literal.replace(/^[uUrRbB]+/, '').slice(1, -1);
  if (raw) return body;
  return body.replace(/\\(u[\da-fA-F]{4}|x[\da-fA-F]{2}|U[\da-fA-F]{8}|.)/g, (_m, esc: string) => {
    if (/^[uxU]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' } as Record<string, string>)[esc] ?? `\\${esc}`;
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const text = source.trim();
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) throw new Unmappable(`cannot read expression at "${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}"`);
    if (match[1]) tokens.push({ kind: 'string', text: unescape(match[1]) });
    else if (match[2]) tokens.push({ kind: 'number', text: match[2] });
    else if (match[3]) tokens.push({ kind: 'name', text: match[3] });
    else tokens.push({ kind: 'op', text: match[4]! });
  }
  return tokens;
}

/**
 * A plain-text field (newsdesk titles are text; feedparser keeps a title's markup). Compared with an
 * expectation that contains markup, the case asks about a concept newsdesk does not have.
 */
export class PlainText {
  constructor(readonly text: string) {}
}
const MARKUP = /<[a-z!/]|&[#\w]+;/i;

/** A charset name: IANA labels are case-insensitive ("Big5" is "big5"). */
export class Charset {
  constructor(readonly name: string) {}
}

/**
 * What an index past the end of a list reads (an entry newsdesk did not produce). Further keys on it are
 * still checked against the keys the view maps, so a missing entry cannot hide an unmappable question.
 */
class Missing {
  constructor(readonly keys: ReadonlySet<string>) {}
}

/** Markup newsdesk's sanitizer removes on purpose (a security choice), so such expectations are excluded. */
const STRIPPED_BY_DESIGN = /<(?:svg|math)\b/i;

function equal(a: Value, b: Value): boolean {
  if (a instanceof Missing || b instanceof Missing) return false;
  if (a instanceof Charset || b instanceof Charset) {
    const [charset, other] = a instanceof Charset ? [a, b] : [b as Charset, a];
    return typeof other === 'string' && charset.name.toLowerCase() === other.toLowerCase();
  }
  for (const side of [a, b]) {
    if (typeof side === 'string' && STRIPPED_BY_DESIGN.test(side)) throw new Unmappable('SVG/MathML markup (stripped by newsdesk\'s sanitizer by design)');
  }
  if (a instanceof PlainText || b instanceof PlainText) {
    const [plain, other] = a instanceof PlainText ? [a, b] : [b as PlainText, a];
    if (typeof other === 'string' && MARKUP.test(other)) throw new Unmappable('title with markup (newsdesk titles are plain text)');
    return plain.text === other;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => equal((a as Record<string, Value>)[k], (b as Record<string, Value>)[k]));
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  return a === b;
}

const truthy = (v: Value): boolean =>
  !(v instanceof Missing) && v !== null && v !== undefined && v !== false && v !== 0 && v !== '' && !(Array.isArray(v) && v.length === 0) &&
  !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function lookup(target: Value, key: Value, itemKeys: ReadonlySet<string>): Value {
  if (target instanceof Missing) {
    if (typeof key === 'string' && !target.keys.has(key)) throw new Unmappable(`no mapping for "${key}"`);
    return target;
  }
  if (Array.isArray(target) && typeof key === 'number') {
    // Fewer entries than expected is a wrong answer (never true), not a missing concept.
    if (key >= target.length || key < -target.length) return new Missing(itemKeys);
    return target[key < 0 ? target.length + key : key];
  }
  if (target && typeof target === 'object' && typeof key === 'string') {
    if (!(key in target)) throw new Unmappable(`no mapping for "${key}"`);
    return (target as Record<string, Value>)[key];
  }
  throw new Unmappable(`cannot index ${typeof target} with ${String(key)}`);
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: Record<string, Value>,
    private readonly itemKeys: ReadonlySet<string>,
  ) {}

  private peek(text?: string): Token | undefined {
    const t = this.tokens[this.i];
    return text === undefined || t?.text === text ? t : undefined;
  }
  private take(text?: string): Token {
    const t = this.tokens[this.i];
    if (!t || (text !== undefined && t.text !== text)) throw new Unmappable(`expected ${text ?? 'a token'}`);
    this.i++;
    return t;
  }

  run(): Value {
    const value = this.or();
    if (this.i < this.tokens.length) throw new Unmappable(`unexpected "${this.tokens[this.i]?.text}"`);
    return value;
  }
  // Both sides are always evaluated so that an unmappable key anywhere makes the case unmappable.
  private or(): Value {
    let value = this.and();
    while (this.peek('or')) {
      this.take();
      const right = this.and();
      value = truthy(value) ? value : right;
    }
    return value;
  }
  private and(): Value {
    let value = this.not();
    while (this.peek('and')) {
      this.take();
      const right = this.not();
      value = truthy(value) ? right : value;
    }
    return value;
  }
  private not(): Value {
    if (this.peek('not')) {
      this.take();
      return !truthy(this.not());
    }
    return this.comparison();
  }
  private comparison(): Value {
    const left = this.postfix();
    const op = this.peek()?.text;
    if (op === '==' || op === '!=') {
      this.take();
      const right = this.postfix();
      return op === '==' ? equal(left, right) : !equal(left, right);
    }
    if (op === 'is') {
      this.take();
      const negate = Boolean(this.peek('not')) && Boolean(this.take());
      const right = this.postfix();
      const same = !(left instanceof Missing) && (left === right || (left === undefined && right === null));
      return negate ? !same : same;
    }
    if (op === 'in' || (op === 'not' && this.tokens[this.i + 1]?.text === 'in')) {
      if (op === 'not') this.take();
      this.take('in');
      const right = this.postfix();
      const found = typeof right === 'string' ? right.includes(String(left)) : Array.isArray(right) ? right.some((x) => equal(x, left)) : right !== null && typeof right === 'object' && String(left) in right;
      return op === 'not' ? !found : found;
    }
    return left;
  }
  private postfix(): Value {
    let value = this.primary();
    for (;;) {
      if (this.peek('[')) {
        this.take();
        const key = this.or();
        this.take(']');
        value = lookup(value, key, this.itemKeys);
      } else if (this.peek('.')) {
        this.take();
        const name = this.take().text;
        if (this.peek('(')) value = this.call(value, name);
        else value = lookup(value, name, this.itemKeys);
      } else return value;
    }
  }
  private call(target: Value, method: string): Value {
    this.take('(');
    const args: Value[] = [];
    while (!this.peek(')')) {
      args.push(this.or());
      if (this.peek(',')) this.take();
    }
    this.take(')');
    if (method === 'get' && target instanceof Missing) return lookup(target, String(args[0]), this.itemKeys);
    if (method === 'get' && target && typeof target === 'object' && !Array.isArray(target)) {
      const key = String(args[0]);
      if (!(key in target)) throw new Unmappable(`no mapping for "${key}"`);
      return (target as Record<string, Value>)[key] ?? args[1] ?? null;
    }
    throw new Unmappable(`method ${method}()`);
  }
  private primary(): Value {
    const t = this.take();
    if (t.kind === 'string') {
      let s = t.text;
      while (this.peek()?.kind === 'string') s += this.take().text; // implicit concatenation
      return s;
    }
    if (t.kind === 'number') return Number(t.text);
    if (t.text === '-') return -Number(this.take().text);
    if (t.text === '(' || t.text === '[') {
      const close = t.text === '(' ? ')' : ']';
      const items: Value[] = [];
      let tuple = t.text === '[';
      while (!this.peek(close)) {
        items.push(this.or());
        if (this.peek(',')) {
          this.take();
          tuple = true;
        }
      }
      this.take(close);
      return tuple ? items : items[0];
    }
    if (t.text === '{') {
      this.take('}');
      return {};
    }
    if (t.kind === 'name') {
      if (t.text === 'None') return null;
      if (t.text === 'True') return true;
      if (t.text === 'False') return false;
      if (t.text in this.scope) return this.scope[t.text];
      throw new Unmappable(`name ${t.text}`);
    }
    throw new Unmappable(`token "${t.text}"`);
  }
}

/**
 * Evaluates an Expect expression; throws Unmappable when it reads something the view lacks. `itemKeys`
 * are the keys a list item (an entry, an enclosure) of the view maps, for reads past a list's end.
 */
export function evaluate(expression: string, scope: Record<string, Value>, itemKeys: ReadonlySet<string> = new Set()): boolean {
  return truthy(new Parser(tokenize(expression), scope, itemKeys).run());
}
