// Prints the one summary line CI reads ("N passed, N failed") from vitest's JSON report plus the
// static Electron scan, and exits non-zero when anything failed, including a step (typecheck,
// lint, build) before the tests.
import { existsSync, readFileSync } from 'node:fs'

const [reportPath = '.reports/vitest.json', statusArg = '0', scanArg = '2'] = process.argv.slice(2)
const stepStatus = Number(statusArg)
let passed = 0
let failed = 0
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'))
  passed = report.numPassedTests ?? 0
  failed = (report.numFailedTests ?? 0) + countFilesFailedOutsideTests(report)
}
// A failing step that produced no failing test (typecheck, lint, build) still fails the run.
if (stepStatus !== 0 && failed === 0) failed = 1
// The static Electron scan counts as one check when it ran (0 clean, 1 findings, 2 not run).
if (scanArg === '0') passed += 1
if (scanArg === '1') failed += 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || stepStatus !== 0 ? 1 : 0)

/** Test files that failed with no failing test in them (an import error, a failing hook). */
function countFilesFailedOutsideTests(report) {
  return (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length
}
