// Facts about one source sentence that several summary sentences ask for (its words' firmness, its
// numbers' slots, its quantifiers, its link words): computed on first use and kept with the prepared
// source, so an audit reads each source sentence once however many summary sentences it backs.
import type { PreparedSource } from './align.js';

const caches = new WeakMap<PreparedSource, Map<string, unknown[]>>();

export function perSentence<T>(source: PreparedSource, name: string, i: number, make: (text: string) => T): T {
  let byName = caches.get(source);
  if (!byName) caches.set(source, (byName = new Map()));
  let values = byName.get(name);
  if (!values) byName.set(name, (values = []));
  if (values[i] === undefined) values[i] = make(source.sentences[i]!.text);
  return values[i] as T;
}

/** A fact about the whole source, computed on first use. */
export function perSource<T>(source: PreparedSource, name: string, make: () => T): T {
  return perSentence(source, `source:${name}`, 0, make);
}
