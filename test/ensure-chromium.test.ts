// `npm test` provides the browser its editor tests drive (scripts/ensure-chromium.mjs, the pretest step):
// installs Debian's chromium when it may, else stops with one line saying what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

type Facts = { present: boolean; root: boolean; sudo: boolean; aptGet: boolean };
type Plan = { kind: 'present' } | { kind: 'install'; commands: string[][] } | { kind: 'refuse'; message: string };
const SCRIPT = join(REPO, 'scripts/ensure-chromium.mjs');
const { chromiumPlan, CHROMIUM_PATH } = (await import(SCRIPT)) as { chromiumPlan: (facts: Facts) => Plan; CHROMIUM_PATH: string };

const missing = { present: false, root: false, sudo: false, aptGet: true };

describe('the pretest Chromium step', () => {
  it('is what npm runs before the tests', async () => {
    const pkg = (await import(join(REPO, 'package.json'), { with: { type: 'json' } })) as { default: { scripts: Record<string, string> } };
    expect(pkg.default.scripts['pretest']).toBe('node scripts/ensure-chromium.mjs');
  });

  it('does nothing when Chromium is there', () => {
    expect(chromiumPlan({ ...missing, present: true })).toEqual({ kind: 'present' });
  });

  it('installs the chromium package with apt-get as root, and through sudo -n when sudo needs no password', () => {
    expect(chromiumPlan({ ...missing, root: true })).toEqual({
      kind: 'install',
      commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium']],
    });
    const plan = chromiumPlan({ ...missing, sudo: true });
    expect(plan.kind === 'install' && plan.commands.every((command) => command[0] === 'sudo' && command[1] === '-n')).toBe(true);
  });

  it('stops with one line naming what to install when the user may not install packages', () => {
    const plan = chromiumPlan(missing);
    expect(plan.kind).toBe('refuse');
    const message = plan.kind === 'refuse' ? plan.message : '';
    expect(message).not.toContain('\n');
    expect(message).toContain(CHROMIUM_PATH);
    expect(message).toContain('apt-get install chromium');
    const noApt = chromiumPlan({ ...missing, root: true, aptGet: false });
    expect(noApt.kind === 'refuse' && noApt.message.includes('no apt-get')).toBe(true);
  });

  it('runs silently and succeeds on a machine that has Chromium (this one, after the pretest step)', () => {
    expect(existsSync(CHROMIUM_PATH)).toBe(true);
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });
});
