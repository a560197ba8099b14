// A whole desk run on hostile sources, as an editor would do it: `run`, then every candidate selected
// (so that feed.xml and feed.json carry them too), then every output file and every line printed checked.
import { join } from 'node:path';
import { checkFolder, checkTerminal, type Finding } from './check.js';
import { Crash, expectHandled, runCli, type CliResult } from './harness.js';

export interface DeskRun {
  findings: Finding[];
  run: CliResult;
  /** The candidates `list --json` shows after the run. */
  candidates: Array<{ id: string; title: string; url: string }>;
}

const terminal = (label: string, result: CliResult): Finding[] => [
  ...checkTerminal(`${label} stdout`, result.stdout),
  ...checkTerminal(`${label} stderr`, result.stderr),
];

/** Runs the desk on `sources` in its own folder under `cwd`; `minArticles` is how many must come through. */
export async function deskRun(cwd: string, sources: string[], minArticles: number, extra: string[] = []): Promise<DeskRun> {
  const run = expectHandled(await runCli(['run', '--out', 'out', '--db', 'desk.db', ...extra, ...sources], cwd), [0, 1], 'run');
  const listJson = expectHandled(await runCli(['list', '--json', '--db', 'desk.db'], cwd), [0, 1], 'list --json');
  const candidates = listJson.status === 0 ? (JSON.parse(listJson.stdout) as { candidates: DeskRun['candidates'] }).candidates : [];
  if (candidates.length < minArticles) throw new Crash(`run kept ${candidates.length} of at least ${minArticles} articles: ${run.stderr.split('\n').slice(-3).join(' | ')}`);
  const findings = terminal('run', run);
  for (const entry of terminal('list', expectHandled(await runCli(['list', '--db', 'desk.db'], cwd), [0, 1], 'list'))) findings.push(entry);
  if (candidates.length > 0) {
    const mark = expectHandled(await runCli(['mark', ...candidates.map((c) => c.id), 'selected', '--db', 'desk.db', '--out', 'out'], cwd), [0], 'mark');
    for (const entry of terminal('mark', mark)) findings.push(entry);
  }
  for (const entry of checkFolder(join(cwd, 'out'))) findings.push(entry);
  return { findings, run, candidates };
}
