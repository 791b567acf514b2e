// A reporter: under CI=true a skipped test fails the run. CI installs every
// browser and tool the suite reads outputs with (.ci/run), so a skip there
// hides a broken setup; on a developer's machine a skip is allowed and the
// test that skips says so (system-tool.ts, browsers.ts).
import type { Reporter, TestModule } from 'vitest/node';

export default class NoSkipsInCi implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (process.env.CI !== 'true') return;
    const skipped = modules.flatMap((m) => [...m.children.allTests('skipped')].map((test) => `${m.moduleId}: ${test.fullName}`));
    if (skipped.length === 0) return;
    console.error(`\nCI=true, and ${skipped.length} tests were skipped; CI must run them all:\n${skipped.map((s) => `  ${s}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}
