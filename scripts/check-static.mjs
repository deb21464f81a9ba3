// Runs the static checks of `npm test` (the three typechecks, ESLint, the Prettier check) side by
// side, as many at a time as the machine has cores (at least two), longest first. Each check's
// output is printed as one block when it ends; the exit code is non-zero when any check failed.
// `npm run typecheck`, `npm run lint` and `npm run format:check` still run them one by one.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'

/** Longest first, so the short ones fill the other core while ESLint runs. */
const CHECKS = [
  { name: 'lint', command: 'eslint', args: ['--max-warnings', '0', '.'] },
  { name: 'typecheck (node)', command: 'tsc', args: ['--noEmit', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck (web)', command: 'tsc', args: ['--noEmit', '-p', 'tsconfig.web.json'] },
  { name: 'format check', command: 'prettier', args: ['--check', '.'] },
  {
    name: 'typecheck (extension)',
    command: 'tsc',
    args: ['--noEmit', '-p', 'extension/tsconfig.json'],
  },
]

const slots = Math.max(2, availableParallelism())
const queue = [...CHECKS]
const failed = []
const started = Date.now()

function run({ name, command, args }) {
  return new Promise((resolve) => {
    const began = Date.now()
    // The project's own binaries, as `npm run` would find them.
    const child = spawn(join('node_modules', '.bin', command), args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('error', (error) => {
      output += `${error.message}\n`
    })
    child.once('close', (code) => {
      const seconds = ((Date.now() - began) / 1000).toFixed(1)
      const verdict = code === 0 ? 'passed' : `failed (exit ${code})`
      process.stdout.write(`\n> ${name}: ${verdict} in ${seconds} s\n${output}`)
      if (code !== 0) failed.push(name)
      resolve()
    })
  })
}

async function worker() {
  for (let check = queue.shift(); check; check = queue.shift()) await run(check)
}

await Promise.all(Array.from({ length: Math.min(slots, CHECKS.length) }, worker))
const total = ((Date.now() - started) / 1000).toFixed(1)
if (failed.length > 0) {
  console.error(`\nStatic checks failed: ${failed.join(', ')} (${total} s).`)
  process.exit(1)
}
console.log(`\nStatic checks passed (${total} s).`)
