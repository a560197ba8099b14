// A job's id follows from its kind and key, so that asking twice for the same work finds the same job in any
// process, on any machine, without a lookup table: a UUID made of the first 128 bits of their SHA-256.
import { createHash } from 'node:crypto';

export function jobId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`${kind}\n${key}`).digest('hex');
  // Version 8 (custom) and the RFC 9562 variant, so the id is a well-formed UUID.
  const version = `8${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
