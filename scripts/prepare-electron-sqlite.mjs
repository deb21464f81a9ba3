// Builds better-sqlite3 for the installed Electron's ABI into .electron-native/, next to (never
// over) node_modules/better-sqlite3/build, which stays built for Node: the tests and the CLI
// load that one, the desktop app loads this one (see src/main/electron/start-app.ts).
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const HEADERS_URL = 'https://electronjs.org/headers'

const log = (line) => console.log(`prepare-electron-sqlite: ${line}`)

function main() {
  if (process.env.PAPERSHELF_SKIP_ELECTRON_SQLITE) {
    log('skipping (PAPERSHELF_SKIP_ELECTRON_SQLITE is set)')
    return
  }
  const electron = readJson(join(ROOT, 'node_modules', 'electron', 'package.json'), 'electron')
  const version = electron.version
  const packageDir = join(ROOT, 'node_modules', 'better-sqlite3')
  const sqliteVersion = readJson(join(packageDir, 'package.json'), 'better-sqlite3').version
  const targetDir = join(ROOT, '.electron-native', `better-sqlite3-electron-${version}`)
  const target = join(targetDir, 'better_sqlite3.node')
  if (existsSync(target)) {
    log(`already prepared for Electron ${version}: ${relative(ROOT, target)}`)
    return
  }

  const work = mkdtempSync(join(tmpdir(), 'papershelf-electron-sqlite-'))
  try {
    const copy = join(work, 'better-sqlite3')
    const ownBuild = join(packageDir, 'build')
    cpSync(packageDir, copy, {
      recursive: true,
      filter: (path) => path !== ownBuild && !path.startsWith(ownBuild + sep),
    })
    log(`building better-sqlite3 ${sqliteVersion} for Electron ${version} in ${copy}`)
    const env = buildEnv(version)
    const built = downloadPrebuilt(copy, version, env) || compile(copy, version, env)
    const output = join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (!built || !existsSync(output)) {
      throw new Error(
        `could not build better-sqlite3 for Electron ${version}: both prebuild-install and ` +
          `node-gyp failed (see above). node-gyp needs Python 3, a C++ compiler and access to ` +
          `${HEADERS_URL}.`,
      )
    }
    mkdirSync(targetDir, { recursive: true })
    // Copy then rename, so an interrupted run never leaves a half-written module behind.
    copyFileSync(output, `${target}.partial`)
    renameSync(`${target}.partial`, target)
    log(`ready: ${relative(ROOT, target)}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Tries a published Electron build of this better-sqlite3 version. */
function downloadPrebuilt(cwd, version, env) {
  const bin = createRequire(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).resolve(
    'prebuild-install/bin.js',
  )
  const flags = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--verbose']
  log(`trying prebuild-install ${flags.join(' ')}`)
  return run(process.execPath, [bin, ...flags], cwd, env)
}

/** Compiles from source against Electron's headers. */
function compile(cwd, version, env) {
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${process.arch}`,
    `--dist-url=${HEADERS_URL}`,
  ]
  log(`prebuild-install failed; trying node-gyp ${args.join(' ')}`)
  const nodeGyp = findNodeGyp()
  const ok = nodeGyp
    ? run(process.execPath, [nodeGyp, ...args], cwd, env)
    : run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['-y', 'node-gyp', ...args], cwd, env)
  if (!ok) return false
  // A configured `nodedir` (some machines set one in npmrc) silently wins over --target and yields
  // a module for Node's ABI; refuse such a build instead of shipping a module Electron cannot load.
  const gypi = readFileSync(join(cwd, 'build', 'config.gypi'), 'utf8')
  const nodedir = /"nodedir":\s*"([^"]*)"/.exec(gypi)?.[1]
  if (nodedir !== undefined && !nodedir.includes(version)) {
    log(`node-gyp built against ${nodedir}, not Electron ${version}'s headers`)
    return false
  }
  return true
}

/** npm's own node-gyp (npm passes its path to scripts), else a local or bundled copy. */
function findNodeGyp() {
  const bundled = join('node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  const candidates = [
    process.env.npm_config_node_gyp,
    join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', bundled),
    join(dirname(process.execPath), bundled),
  ]
  return candidates.find((path) => path && existsSync(path))
}

/** The environment both tools read their npm-style settings from, pointed at Electron. */
function buildEnv(version) {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|runtime|target|disturl|dist_url)$/i.test(key)) delete env[key]
  }
  return {
    ...env,
    npm_config_nodedir: '',
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: HEADERS_URL,
  }
}

function run(command, args, cwd, env) {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' })
  if (result.error) log(`${command} could not start: ${result.error.message}`)
  return result.status === 0
}

function readJson(file, name) {
  if (!existsSync(file)) {
    throw new Error(`${name} is not installed (${file} is missing): run npm install first.`)
  }
  return JSON.parse(readFileSync(file, 'utf8'))
}

try {
  main()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`prepare-electron-sqlite: ${message}`)
  process.exitCode = 1
}
