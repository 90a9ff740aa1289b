/**
 * `npm run bench`: every speed target of the project, each bench in its own process so one's heap
 * and JIT state do not colour the next. Exit 1 when any target is missed, naming it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const BENCHES = {
  engine: { script: 'scripts/bench-engine.ts', nodeFlags: ['--expose-gc'], about: 'rules engine (issue 3)' },
  mock: {
    script: 'scripts/bench-mock.ts',
    nodeFlags: [],
    about: 'reference mock vs bare node:http and Prism (issue 4)',
  },
  conform: {
    script: 'scripts/bench-conform.ts',
    nodeFlags: [],
    about: 'conformance run time, cases/s ÷ autocannon on the same mock (issue 12), detection (issue 5)',
  },
} as const;

type BenchName = keyof typeof BENCHES;

function usage(): string {
  const lines = Object.entries(BENCHES).map(([name, b]) => `  ${name.padEnd(8)} ${b.about}`);
  return `Usage: npm run bench [-- --only engine,mock,conform]\n\nBenches:\n${lines.join('\n')}\n\nExit 0 when every target is met, 1 otherwise.`;
}

function run(): number {
  let only: string | undefined;
  try {
    const { values } = parseArgs({
      options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(usage());
      return 0;
    }
    only = values.only;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}. See --help.`);
    return 2;
  }
  const names = (only ? only.split(',') : Object.keys(BENCHES)) as BenchName[];
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
    );
    return 2;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  const missed: string[] = [];
  for (const name of names) {
    const bench = BENCHES[name];
    console.log(`\n== ${name}: ${bench.about}`);
    const result = spawnSync(process.execPath, [...bench.nodeFlags, '--import', 'tsx', bench.script], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) missed.push(name);
  }
  console.log(
    missed.length === 0 ? '\nbench: every target met' : `\nbench: targets missed in ${missed.join(', ')}`,
  );
  return missed.length === 0 ? 0 : 1;
}

process.exitCode = run();
