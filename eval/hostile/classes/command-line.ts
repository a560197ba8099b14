// Item 10: the command line as a careless or hostile user drives it. Negative numbers as option values;
// file names that are not UTF-8; reading commands pointed at databases that do not exist (nothing may
// be created) or on a read-only file system; a disk that fills while publishing (no .tmp may be left);
// and the same fault through every command (one exit code each). Read-only and full file systems are
// real mounts in a private namespace (`unshare -rm`).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Crash, expectExit, runCli, tally, type Case } from '../outcomes.js';

const ARTICLE = `Lighthouse Keepers' Cottages to Become a Field Station

CARRICK HEAD — The two keepers' cottages below the Carrick Head light will house a seabird field station from April, the coastal trust said on Monday.

“The birds were here long before the light,” said Teodora Vance, the trust's warden. Students from three universities will share the cottages in four-week turns.
`;
const DEMO = fileURLToPath(new URL('../../../../examples/demo/', import.meta.url));

/** Option values that start with a dash, and what the command must say about them (exit 2). */
const NEGATIVE: ReadonlyArray<[string[], RegExp]> = [
  [['summarize', '$article', '--sentences', '-3'], /--sentences takes a whole number of at least 1, not "-3"/],
  [['summarize', '$article', '--words', '-250'], /--words takes a whole number of at least 1, not "-250"/],
  [['summarize', '$article', '--sentences', '-0.5'], /not "-0\.5"/],
  [['list', '--since', '-90m', '--db', 'none.db'], /--since "-90m" is not a duration/],
  [['serve', '--port', '-80', '--db', 'none.db'], /--port/],
];

const snapshot = (dir: string): string => readdirSync(dir).sort().join(',');

export const hostileClass = {
  name: 'command-line',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-cli-'));
    const article = join(dir, 'field-station.txt');
    writeFileSync(article, ARTICLE);
    const cases: Case[] = [];

    for (const [args, message] of NEGATIVE) {
      cases.push({
        name: `newsdesk ${args.join(' ').replace('$article', 'FILE')}`,
        run: async () => {
          const result = expectExit(await runCli(args.map((a) => (a === '$article' ? article : a)), dir), 2, args[0]!);
          if (/ambiguous/.test(result.stderr) || !message.test(result.stderr)) throw new Crash(`says: ${result.stderr.split('\n')[0]}`);
          return {};
        },
      });
    }

    const latin1 = join(dir, 'latin1');
    mkdirSync(latin1);
    copyFileSync(article, Buffer.concat([Buffer.from(`${latin1}/station-`), Buffer.from([0xe9, 0xe8]), Buffer.from('.txt')]));
    cases.push({
      name: 'a folder holding a Latin-1 file name',
      run: async () => {
        expectExit(await runCli(['run', latin1, '--out', join(dir, 'latin1-out'), '--db', join(dir, 'latin1.db'), '--quiet'], dir), 0, 'run');
        return {};
      },
    });
    cases.push({
      name: 'a Latin-1 file name on the command line',
      run: async () => {
        const result = expectExit(await runCli([`"$NODE" "$CLI" extract "$(printf '${latin1}/station-\\351\\350.txt')"`], dir, ['sh', '-c']), 2, 'extract');
        if (!/not valid UTF-8/.test(result.stderr)) throw new Crash(`says: ${result.stderr.trim()}`);
        return {};
      },
    });

    for (const command of [['list'], ['rank'], ['rank', '--rerank'], ['mark', 'abcdef', 'selected']]) {
      cases.push({
        name: `newsdesk ${command.join(' ')} --db missing/x.db`,
        run: async () => {
          const empty = join(dir, `empty-${command.join('-')}`);
          mkdirSync(empty);
          const result = expectExit(await runCli([...command, '--db', 'missing/x.db'], empty), 1, command[0]!);
          if (!/no database at missing\/x\.db/.test(result.stderr)) throw new Crash(`says: ${result.stderr.trim()}`);
          return snapshot(empty) === '' ? {} : { leaked: `created ${snapshot(empty)}` };
        },
      });
    }

    const data = join(dir, 'data');
    const mount = join(dir, 'ro');
    mkdirSync(data);
    mkdirSync(mount);
    cases.push({
      name: 'list and rank on a read-only file system',
      run: async () => {
        expectExit(await runCli(['run', article, '--db', join(data, 'n.db'), '--out', join(dir, 'ro-out'), '--quiet'], dir), 0, 'run');
        const script = `mount --bind "${data}" "${mount}" && mount -o remount,bind,ro "${mount}" && "$NODE" "$CLI" list --db "${mount}/n.db" && "$NODE" "$CLI" rank --db "${mount}/n.db"`;
        const result = await runCli(['-rm', 'sh', '-c', script], dir, ['unshare']);
        expectExit(result, 0, 'list and rank');
        if (!result.stdout.includes('Field Station')) throw new Crash('the stored article is not listed');
        return {};
      },
    });

    const small = join(dir, 'small');
    mkdirSync(small);
    cases.push({
      name: 'a disk that fills while publishing',
      run: async () => {
        const script = `mount -t tmpfs -o size=48k tmpfs "${small}" && "$NODE" "$CLI" run "${DEMO}" --out "${small}/out" --db "${join(dir, 'full.db')}" --quiet >/dev/null; code=$?; find "${small}" -name '*.tmp' | sed 's/^/leftover /'; exit $code`;
        const result = await runCli(['-rm', 'sh', '-c', script], dir, ['unshare']);
        expectExit(result, 1, 'run');
        if (result.stdout.includes('leftover ')) return { leaked: result.stdout.trim() };
        if (!new RegExp(`cannot write ${small}/out/\\S+: no space left`).test(result.stderr)) throw new Crash(`says: ${result.stderr.trim()}`);
        return {};
      },
    });

    const smallDb = join(dir, 'small-db');
    mkdirSync(smallDb);
    cases.push({
      name: 'a disk that fills under the database',
      run: async () => {
        const script = `mount -t tmpfs -o size=400k tmpfs "${smallDb}" && "$NODE" "$CLI" run "${DEMO}" --out "${join(dir, 'db-full-out')}" --db "${smallDb}/n.db" --quiet >/dev/null`;
        const result = expectExit(await runCli(['-rm', 'sh', '-c', script], dir, ['unshare']), 1, 'run');
        if (!result.stderr.includes(`cannot write the database ${smallDb}/n.db: no space left`)) throw new Crash(`says: ${result.stderr.trim()}`);
        return {};
      },
    });

    const missing = join(dir, 'no-such-file.txt');
    for (const command of [['run', missing], ['extract', missing], ['summarize', missing], ['parse-feed', missing], ['audit', '--source', missing, '--summary', article], ['dedupe', missing], ['cluster', missing]]) {
      cases.push({
        name: `a missing file: newsdesk ${command[0]}`,
        run: async () => {
          const extra = command[0] === 'run' ? ['--out', join(dir, 'missing-out'), '--db', join(dir, 'missing.db')] : [];
          expectExit(await runCli([...command, ...extra], dir), 2, command[0]!);
          return {};
        },
      });
    }
    if (!existsSync(DEMO)) throw new Error(`command-line: the demo corpus is missing at ${DEMO}`);
    try {
      return await tally(cases);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
