// The command line as a user meets it: negative numbers as option values, file names that are not UTF-8,
// reading commands that create nothing and work on a read-only file system, and a full disk.
// Read-only and full file systems are real: a read-only bind mount and a tiny tmpfs in a private mount
// namespace (`unshare -rm`, no root needed), so nothing outside the test's own folders changes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, listFiles, REPO, runCli, tempDir } from '../helpers/cli.js';

const ARTICLE = join(REPO, 'test/fixtures/command-line/orchard.txt');
const SLUG = 'cider-makers-share-one-press-after-orchard-fire';

/** Runs `script` (sh) in a private user and mount namespace; `$CLI` is the compiled command. */
function inNamespace(script: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, CLI, NODE: process.execPath, NEWSDESK_DB: '', NEWSDESK_OUT: '', NEWSDESK_CONFIG: '' } });
  if (result.error) throw new Error(`unshare could not run (${result.error.message}); the read-only and full-disk tests need util-linux's unshare`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('negative numbers as option values', () => {
  const work = tempDir('newsdesk-negative-');
  it.each([
    [['summarize', ARTICLE, '--sentences', '-3'], /--sentences takes a whole number of at least 1, not "-3"/],
    [['summarize', ARTICLE, '--words', '-0.5'], /--words takes a whole number of at least 1, not "-0\.5"/],
    [['list', '--since', '-3h', '--db', 'none.db'], /--since "-3h" is not a duration/],
    [['serve', '--port', '-1', '--db', 'none.db'], /--port/],
    [['mark', 'abcdef', 'selected', '--note', '-urgent', '--db', 'none.db'], /--note needs a value; to give one that starts with a dash, write --note=VALUE/],
  ])('%j says what is wrong with the value (exit 2)', (args, message) => {
    const result = runCli(args, work);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ambiguous/);
  });

  it('still reads a negative-looking positional after --', () => {
    const result = runCli(['extract', '--', '-3'], work);
    expect(result.stderr).toMatch(/-3: no such file/);
  });
});

describe('file names that are not valid UTF-8', () => {
  const work = tempDir('newsdesk-latin1-');
  const folder = join(work, 'inbox');
  mkdirSync(folder);
  // "café.txt" in Latin-1: the byte 0xE9 alone is not UTF-8.
  const latin1Name = Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
  copyFileSync(ARTICLE, latin1Name);

  it('are read from a folder', () => {
    const result = runCli(['run', folder, '--out', 'out', '--db', 'n.db', '--quiet'], work);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(join(work, 'out'))).toContain(`articles/unknown/${SLUG}.md`);
  });

  it('named on the command line, get one line saying the name is not UTF-8 and what to do (exit 2)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" extract "$(printf 'inbox/caf\\351.txt')"`], { cwd: work, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/the file name is not valid UTF-8, so it cannot be opened by name .* rename the file to a UTF-8 name/);
  });
});

describe('commands that only read', () => {
  it.each([['list'], ['rank'], ['rank', '--rerank']])('%s --db missing/x.db: exit 1, "no database at", nothing created', (...command) => {
    const work = tempDir('newsdesk-readonly-');
    const result = runCli([...command, '--db', 'missing/x.db'], work);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no database at missing\/x\.db; run "newsdesk run" first/);
    expect(readdirSync(work)).toEqual([]);
    const inPlace = runCli([...command, '--db', 'x.db'], work);
    expect(inPlace.status).toBe(1);
    expect(readdirSync(work)).toEqual([]);
  });

  it('work on a read-only file system (a WAL database without its -shm file)', () => {
    const work = tempDir('newsdesk-rofs-');
    const data = join(work, 'data');
    const mount = join(work, 'mnt');
    mkdirSync(data);
    mkdirSync(mount);
    expect(runCli(['run', ARTICLE, '--db', join(data, 'n.db'), '--out', join(work, 'out'), '--quiet'], work).status).toBe(0);
    // A cleanly closed WAL database leaves no -wal or -shm file: SQLite would have to create the -shm.
    // (The run's lock files stay; readers never open them.)
    expect(readdirSync(data).sort()).toEqual(['n.db', 'n.db.lock', 'n.db.publish.lock']);
    const result = inNamespace(
      `mount --bind "${data}" "${mount}" && mount -o remount,bind,ro "${mount}" &&
       if touch "${mount}/probe" 2>/dev/null; then echo "not read-only" >&2; exit 9; fi &&
       "$NODE" "$CLI" list --db "${mount}/n.db" --json && "$NODE" "$CLI" rank --db "${mount}/n.db" --json >/dev/null && echo rank-ok`,
      work,
    );
    expect(result.status, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout.slice(0, result.stdout.lastIndexOf('}') + 1)) as { candidates: Array<{ title: string }> };
    expect(listed.candidates.map((c) => c.title)).toEqual(['Cider Makers Share One Press After Orchard Fire']);
    expect(result.stdout).toMatch(/rank-ok/);
  });
});

describe('a full disk while publishing', () => {
  it('names the file, says what to do, leaves no .tmp file and exits 1', () => {
    const work = tempDir('newsdesk-full-');
    const mount = join(work, 'small');
    mkdirSync(mount);
    // 48 KB: room for the folders and a few files of the demo corpus, not for all of them.
    const result = inNamespace(
      `mount -t tmpfs -o size=48k tmpfs "${mount}" &&
       "$NODE" "$CLI" run "${join(REPO, 'examples/demo')}" --out "${mount}/out" --db "${join(work, 'n.db')}" --quiet >/dev/null;
       code=$?; echo "exit=$code"; find "${mount}" -name '*.tmp' | sed 's/^/leftover=/'`,
      work,
    );
    expect(result.stdout).toMatch(/exit=1/);
    expect(result.stdout).not.toMatch(/leftover=/);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^newsdesk run: publish: cannot write ${mount}/out/\\S+: no space left on the device; free some space or pass --out`));
  });
});

describe('a full disk under the database', () => {
  it('names the database and says what to do (exit 1)', () => {
    const work = tempDir('newsdesk-full-db-');
    const mount = join(work, 'small');
    mkdirSync(mount);
    // 400 KB: the schema fits, the demo corpus's articles and summaries do not.
    const result = inNamespace(
      `mount -t tmpfs -o size=400k tmpfs "${mount}" &&
       "$NODE" "$CLI" run "${join(REPO, 'examples/demo')}" --out "${join(work, 'out')}" --db "${mount}/n.db" --quiet >/dev/null; echo "exit=$?"`,
      work,
    );
    expect(result.stdout).toMatch(/exit=1/);
    expect(result.stderr.trim()).toBe(`newsdesk run: cannot write the database ${mount}/n.db: no space left on the device (SQLITE_FULL); free some space or pass --db with another place`);
  });
});

describe('the database folder of a reading command', () => {
  it('is not made by list even when the database name is the default', () => {
    const work = tempDir('newsdesk-default-db-');
    writeFileSync(join(work, 'keep.txt'), '');
    expect(runCli(['list'], work).status).toBe(1);
    expect(existsSync(join(work, 'newsdesk.db'))).toBe(false);
  });
});
