import { builtinModules } from 'node:module'

/** A source file as the boundary check sees it. */
export type SourceFile = { path: string; source: string }

/** An import that crosses a boundary it must not. */
export type Violation = { path: string; specifier: string; rule: string }

const IMPORT_PATTERNS = [
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** Every module specifier a file imports, re-exports, dynamically imports or requires. */
export function importSpecifiers(source: string): string[] {
  return IMPORT_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''))
}

const NODE_BUILTINS = new Set(builtinModules)
const isNodeBuiltin = (s: string) =>
  s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0] ?? s)
const isElectron = (s: string) => s === 'electron' || s.startsWith('electron/')
const reachesMain = (path: string, s: string) =>
  s.startsWith('.') && new URL(s, `file:///${path}`).pathname.startsWith('/src/main/')

type Rule = {
  name: string
  applies: (path: string) => boolean
  forbids: (specifier: string, path: string) => boolean
}

/** The process boundaries: who may import electron, Node, SQLite and main-process code. */
export const RULES: ReadonlyArray<Rule> = [
  {
    name: 'only src/main/electron and src/preload import electron',
    applies: (p) => !p.startsWith('src/main/electron/') && !p.startsWith('src/preload/'),
    forbids: isElectron,
  },
  {
    name: 'the renderer imports no Node, SQLite or main-process code',
    applies: (p) => p.startsWith('src/renderer/'),
    forbids: (s, p) => isNodeBuiltin(s) || s === 'better-sqlite3' || reachesMain(p, s),
  },
  {
    name: 'shared code runs everywhere: no Node, SQLite, React or main-process code',
    applies: (p) => p.startsWith('src/shared/'),
    forbids: (s, p) =>
      isNodeBuiltin(s) ||
      s === 'better-sqlite3' ||
      s === 'react' ||
      s.startsWith('react-dom') ||
      reachesMain(p, s),
  },
  {
    name: 'the sandboxed preload imports only electron and the shared rpc protocol',
    applies: (p) => p.startsWith('src/preload/'),
    forbids: (s) => !isElectron(s) && s !== '@shared/rpc/protocol',
  },
  {
    name: 'main-process code never imports the renderer',
    applies: (p) => p.startsWith('src/main/'),
    forbids: (s) => s.includes('renderer/src'),
  },
]

/** Every boundary violation in the given files. */
export function findViolations(files: ReadonlyArray<SourceFile>): Violation[] {
  return files.flatMap(({ path, source }) =>
    importSpecifiers(source).flatMap((specifier) =>
      RULES.filter((rule) => rule.applies(path) && rule.forbids(specifier, path)).map((rule) => ({
        path,
        specifier,
        rule: rule.name,
      })),
    ),
  )
}
