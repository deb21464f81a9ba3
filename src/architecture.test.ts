import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findViolations, importSpecifiers, type SourceFile } from './architecture-rules'

const root = fileURLToPath(new URL('..', import.meta.url))

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name))
    .map((entry) => {
      const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/')
      return { path, source: readFileSync(join(root, path), 'utf8') }
    })
}

describe('architecture', () => {
  it('finds static, type, re-export, dynamic and require imports', () => {
    const source = [
      "import a from 'one'",
      "import type { B } from 'two'",
      "export { c } from 'three'",
      "const d = await import('four')",
      "const e = require('five')",
      "import 'six'",
    ].join('\n')
    expect(importSpecifiers(source)).toEqual(['one', 'two', 'three', 'six', 'four', 'five'])
  })

  it('reports each kind of boundary crossing', () => {
    const violations = findViolations([
      { path: 'src/main/core/x.ts', source: "import { app } from 'electron'" },
      {
        path: 'src/renderer/src/x.ts',
        source: "import fs from 'node:fs'\nimport Db from 'better-sqlite3'",
      },
      {
        path: 'src/renderer/src/y.ts',
        source: "import { createCore } from '../../main/core/create-core'",
      },
      { path: 'src/shared/x.ts', source: "import { readFile } from 'fs'" },
      { path: 'src/preload/index.ts', source: "import { z } from 'zod'" },
      { path: 'src/main/electron/ok.ts', source: "import { app } from 'electron'" },
    ])
    expect(violations.map((v) => `${v.path} ${v.specifier}`)).toEqual([
      'src/main/core/x.ts electron',
      'src/renderer/src/x.ts node:fs',
      'src/renderer/src/x.ts better-sqlite3',
      'src/renderer/src/y.ts ../../main/core/create-core',
      'src/shared/x.ts fs',
      'src/preload/index.ts zod',
    ])
  })

  it('holds for the whole source tree', () => {
    // This test and its rules quote forbidden imports as examples; everything else is checked.
    const files = sourceFiles('src').filter((f) => !f.path.startsWith('src/architecture'))
    expect(files.length).toBeGreaterThan(20)
    expect(findViolations(files)).toEqual([])
  })
})
