// Runs before `npm test` (the `pretest` script). The editor's browser tests drive Debian's Chromium at
// /usr/bin/chromium (playwright-core downloads no browser), so a fresh machine without it would fail two
// test files halfway through the suite. This makes the README's test command provide what it needs:
// when Chromium is missing and the user may install packages (root, or sudo without a password), it
// installs Debian's `chromium` package with apt-get; otherwise it stops at once with one line saying what
// to install. Nothing happens when Chromium is already there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the browser tests expect Chromium (test/helpers/browser.ts). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Debian's package that provides it. */
export const CHROMIUM_PACKAGE = 'chromium';

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

/**
 * What to do, from facts about the machine: nothing, install (commands to run in order), or refuse with
 * one line for the user.
 * @param {{ present: boolean, root: boolean, sudo: boolean, aptGet: boolean }} facts
 * @returns {{ kind: 'present' } | { kind: 'install', commands: string[][] } | { kind: 'refuse', message: string }}
 */
export function chromiumPlan(facts) {
  if (facts.present) return { kind: 'present' };
  const wanted = `npm test needs Chromium at ${CHROMIUM_PATH} for the editor's browser tests`;
  if (!facts.aptGet) {
    return { kind: 'refuse', message: `${wanted}: install Chromium so that ${CHROMIUM_PATH} exists (this machine has no apt-get), then run npm test again` };
  }
  if (!facts.root && !facts.sudo) {
    return { kind: 'refuse', message: `${wanted}: run "sudo apt-get install ${CHROMIUM_PACKAGE}" (or ask an administrator to), then run npm test again` };
  }
  const prefix = facts.root ? [] : ['sudo', '-n'];
  return {
    kind: 'install',
    commands: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', CHROMIUM_PACKAGE],
    ],
  };
}

function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

function machineFacts() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    present: existsSync(CHROMIUM_PATH),
    root,
    // `sudo -n true` succeeds only when sudo needs no password here (and fails when sudo is absent).
    sudo: !root && succeeds('sudo', ['-n', 'true']),
    aptGet: succeeds('apt-get', ['--version']),
  };
}

function main() {
  const plan = chromiumPlan(machineFacts());
  if (plan.kind === 'present') return 0;
  if (plan.kind === 'refuse') {
    console.error(plan.message);
    return 1;
  }
  console.error(`${CHROMIUM_PATH} is missing; installing Debian's ${CHROMIUM_PACKAGE} package for the browser tests`);
  for (const [command, ...args] of plan.commands) {
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...APT_ENV } });
    if (result.error !== undefined || result.status !== 0) {
      console.error(`"${[command, ...args].join(' ')}" failed; install ${CHROMIUM_PACKAGE} so that ${CHROMIUM_PATH} exists, then run npm test again`);
      return 1;
    }
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`the ${CHROMIUM_PACKAGE} package was installed but ${CHROMIUM_PATH} is still missing; install Chromium there, then run npm test again`);
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main();
}
