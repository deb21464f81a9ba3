import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Electron's security checklist (research/perf-reliability.md 4.1), read from the sources and the
// build: no Electron binary is needed, and a weakened setting fails here before it ships.
const repo = fileURLToPath(new URL('../../../', import.meta.url))
const source = (path: string) => readFileSync(join(repo, path), 'utf8')
const electronFiles = readdirSync(join(repo, 'src/main/electron'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `src/main/electron/${f}`)

/** The literal properties of the first object literal assigned to `name` in a file. */
function objectProperties(path: string, name: string): Map<string, string> {
  const file = ts.createSourceFile(path, source(path), ts.ScriptTarget.Latest, true)
  const found = new Map<string, string>()
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(file) === name &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      for (const property of node.initializer.properties) {
        if (ts.isPropertyAssignment(property)) {
          found.set(property.name.getText(file), property.initializer.getText(file))
        } else found.set(property.getText(file), '(computed)')
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/** Every call `object.method(...)` in a file, with the text of its arguments and of its enclosing function. */
function callsOf(
  path: string,
  object: string,
  method: string,
): Array<{ args: string; enclosing: string }> {
  const file = ts.createSourceFile(path, source(path), ts.ScriptTarget.Latest, true)
  const calls: Array<{ args: string; enclosing: string }> = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === method &&
      node.expression.expression.getText(file).endsWith(object)
    ) {
      let parent: ts.Node | undefined = node.parent
      while (parent && !ts.isFunctionLike(parent)) parent = parent.parent
      calls.push({
        args: node.arguments.map((a) => a.getText(file)).join(', '),
        enclosing: parent?.getText(file) ?? '',
      })
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return calls
}

/** The Content-Security-Policy a page declares in its meta tag, as directive → sources. */
function cspOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!meta?.[1]) throw new Error('the page declares no Content-Security-Policy')
  return new Map(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  )
}

function expectStrictCsp(html: string): void {
  const csp = cspOf(html)
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  for (const [directive, values] of csp) {
    expect(values, directive).not.toContain("'unsafe-eval'")
    if (directive === 'script-src' || directive === 'default-src') {
      expect(values, directive).not.toContain("'unsafe-inline'")
      expect(
        values.filter((v) => /^(https?:|\*|data:|blob:)/.test(v)),
        `${directive} allows remote or inline-able script`,
      ).toEqual([])
    }
  }
}

describe('electron/security-checklist', () => {
  it('creates windows isolated, sandboxed, without Node and with web security (items 2–4, 6, 8–10)', () => {
    const prefs = objectProperties('src/main/electron/window.ts', 'webPreferences')
    expect(prefs.get('contextIsolation')).toBe('true')
    expect(prefs.get('sandbox')).toBe('true')
    expect(prefs.get('nodeIntegration')).toBe('false')
    expect(prefs.get('webSecurity')).not.toBe('false')
    for (const risky of [
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webviewTag',
    ]) {
      expect(prefs.has(risky), risky).toBe(false)
    }
    for (const file of electronFiles) {
      expect(source(file), file).not.toMatch(
        /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
      )
    }
  })

  it('denies new windows, navigation away, webviews and every permission (items 5, 11–14)', () => {
    const security = source('src/main/electron/security.ts')
    expect(
      callsOf('src/main/electron/security.ts', 'contents', 'setWindowOpenHandler')[0]?.args,
    ).toMatch(/return \{ action: 'deny' \}/)
    expect(security).toMatch(
      /on\('will-navigate',[\s\S]*?if \(isAppPageUrl\(event\.url, appUrl\)\) return\s+event\.preventDefault\(\)/,
    )
    expect(security).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/)
    expect(
      callsOf('src/main/electron/security.ts', 'session', 'setPermissionRequestHandler')[0]?.args,
    ).toMatch(/callback\(false\)/)
    expect(
      callsOf('src/main/electron/security.ts', 'session', 'setPermissionCheckHandler')[0]?.args,
    ).toMatch(/=> false/)
    const start = source('src/main/electron/start-app.ts')
    expect(start).toMatch(
      /on\('web-contents-created', \(_event, contents\) => confineWebContents\(contents, appUrl\)\)/,
    )
    expect(start).toMatch(/denyAllPermissions\(session\.defaultSession\)/)
  })

  it('opens external links only after isAllowedExternalUrl (item 15)', () => {
    const calls = electronFiles.flatMap((file) =>
      callsOf(file, 'shell', 'openExternal').map((call) => ({ ...call, file })),
    )
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) {
      expect(call.enclosing, `${call.file}: shell.openExternal(${call.args})`).toMatch(
        /if \(!isAllowedExternalUrl\(/,
      )
    }
  })

  it('checks the sender of every IPC call and validates it through the shared dispatch (item 17)', () => {
    const handlers = electronFiles.flatMap((file) =>
      callsOf(file, 'ipcMain', 'handle').map((call) => ({ ...call, file })),
    )
    expect(handlers.map((h) => h.file)).toEqual(['src/main/electron/ipc-adapter.ts'])
    const handler = handlers[0]?.args ?? ''
    expect(handler).toMatch(
      /frame\.parent !== null \|\| !isTrustedSenderUrl\(frame\.url, appUrl\)\) return UNTRUSTED/,
    )
    expect(handler).toMatch(/return dispatch\(service, method, input\)/)
    for (const file of electronFiles) expect(source(file), file).not.toMatch(/ipcMain\.on\(/)
  })

  it('serves PDFs through a custom protocol that checks the file is inside the library (item 18)', () => {
    const protocolSource = source('src/main/electron/pdf-protocol.ts')
    expect(protocolSource).toMatch(/isServablePdf\(folder, location\.file\)/)
    for (const file of electronFiles) {
      expect(source(file), file).not.toMatch(/registerFileProtocol|interceptFileProtocol/)
    }
  })

  it('exposes only call and subscribe from a preload that imports nothing but electron and constants (items 4, 20)', () => {
    const preload = source('src/preload/index.ts')
    const imports = [...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1])
    expect(imports).toEqual(['electron', '@shared/rpc/protocol'])
    expect(preload).toMatch(/exposeInMainWorld\('papershelf', \{/)
    expect(preload).not.toMatch(/exposeInMainWorld\('[^']+', ipcRenderer/)
  })

  it('declares a strict Content-Security-Policy in the renderer page (item 7)', () => {
    expectStrictCsp(source('src/renderer/index.html'))
  })

  it.skipIf(!existsSync(join(repo, 'out/renderer/index.html')))(
    'keeps that policy in the built page, with a CommonJS preload bundle',
    () => {
      expectStrictCsp(source('out/renderer/index.html'))
      const preload = source('out/preload/index.cjs')
      const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
      expect([...new Set(required)]).toEqual(['electron'])
      expect(source('out/renderer/index.html')).not.toMatch(/<script[^>]+src="(https?:)?\/\//)
    },
  )

  it('uses a pdf.js without CVE-2024-4367 and never lets it evaluate code', () => {
    const version = (
      JSON.parse(source('node_modules/pdfjs-dist/package.json')) as { version: string }
    ).version
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number)
    expect(major * 1e6 + minor * 1e3 + patch, `pdfjs-dist ${version}`).toBeGreaterThanOrEqual(
      4_002_067,
    )
    const files = (readdirSync(join(repo, 'src'), { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => join('src', f))
    const openers = files.filter((f) => /getDocument\(/.test(source(f)))
    expect(openers.length).toBeGreaterThan(0)
    const safeOptions = source('src/renderer/src/features/reader/pdfjs.ts')
    expect(safeOptions).toMatch(
      /export const SAFE_DOCUMENT_OPTIONS = \{[^}]*isEvalSupported: false,[^}]*enableXfa: false/,
    )
    for (const file of openers) {
      const text = source(file)
      const calls = [...text.matchAll(/getDocument\(\{([\s\S]*?)\}\)/g)].map((m) => m[1] ?? '')
      for (const options of calls) {
        // Either eval is off in a literal without spreads, or the safe options are spread last.
        const literal = /isEvalSupported:\s*false/.test(options) && !options.includes('...')
        expect(
          literal || /\.\.\.SAFE_DOCUMENT_OPTIONS,?$/.test(options.trim()),
          `${file}: getDocument({${options}})`,
        ).toBe(true)
      }
      expect(text, file).not.toMatch(/enableScripting:\s*true|isEvalSupported:\s*true/)
    }
  })
})
