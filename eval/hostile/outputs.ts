// Every output file of a desk run as one text, for classes that look for content that must not be there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function readOutputs(dir: string): string {
  const texts: string[] = [];
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const name of readdirSync(next)) {
      const path = join(next, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else texts.push(readFileSync(path, 'utf8'));
    }
  }
  return texts.join('\n');
}
