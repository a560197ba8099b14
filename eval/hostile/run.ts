// `npm run eval:hostile`: runs every hostile-input class (eval/hostile/classes/) against the compiled CLI
// and the real pipeline, and prints tried / clean / crashed / leaked per class with a total. Exits 1
// when any input crashed a command or leaked into an output, so CI can hold the line.
import { CLASSES } from './classes/index.js';
import { PROBLEMS, type Tally } from './harness.js';

const COLUMNS = ['class', 'tried', 'clean', 'crashed', 'leaked'] as const;

const rows: Array<[string, Tally]> = [];
for (const hostile of CLASSES) rows.push([hostile.name, await hostile.run()]);
const total: Tally = { tried: 0, clean: 0, crashed: 0, leaked: 0 };
for (const [, t] of rows) {
  total.tried += t.tried;
  total.clean += t.clean;
  total.crashed += t.crashed;
  total.leaked += t.leaked;
}

const cells = [...rows, ['total', total] as [string, Tally]].map(([name, t]) => [name, String(t.tried), String(t.clean), String(t.crashed), String(t.leaked)]);
const widths = COLUMNS.map((c, i) => cells.reduce((w, row) => Math.max(w, row[i]!.length), c.length));
const line = (row: readonly string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
const out: string[] = [line(COLUMNS)];
for (const row of cells.slice(0, -1)) out.push(line(row));
out.push(line(cells[cells.length - 1]!));
process.stdout.write(`${out.join('\n')}\n`);
if (PROBLEMS.length > 0) process.stdout.write(`\n${PROBLEMS.join('\n')}\n`);
process.exitCode = total.crashed > 0 || total.leaked > 0 ? 1 : 0;
