import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Electron cannot run here, so the glue is read: the app must own its library through the same
// function as `serve` (tested under Node in owner/owner-door.test.ts), never beside it.
const repo = fileURLToPath(new URL('../../../', import.meta.url))
const electronFiles = readdirSync(join(repo, 'src/main/electron'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `src/main/electron/${f}`)

/** The `door` property of every `openOwnerDoor({...})` call in a file. */
function ownerDoorsOpened(path: string): string[] {
  const file = ts.createSourceFile(
    path,
    readFileSync(join(repo, path), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  )
  const doors: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(file) === 'openOwnerDoor') {
      const [options] = node.arguments
      const door =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find(
              (p) => ts.isPropertyAssignment(p) && p.name.getText(file) === 'door',
            )
          : undefined
      doors.push(
        door && ts.isPropertyAssignment(door) ? door.initializer.getText(file) : '(not literal)',
      )
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return doors
}

describe('electron/app owns its library', () => {
  it('opens the library as its owner, through the door serve uses', () => {
    expect(ownerDoorsOpened('src/main/electron/start-app.ts')).toEqual(["'app'"])
    expect(ownerDoorsOpened('src/main/headless.ts')).toEqual(["'serve'"])
  })

  it('never opens the library file beside the owner door', () => {
    for (const path of electronFiles) {
      const text = readFileSync(join(repo, path), 'utf8')
      expect(text, path).not.toMatch(/\bcreateCore\b|\bopenOwnedLibrary\b|\bacquireOwnerLock\b/)
    }
  })

  it('closes the door, and so gives up the lock, when quitting', () => {
    const text = readFileSync(join(repo, 'src/main/electron/start-app.ts'), 'utf8')
    expect(text).toMatch(/app\.on\('will-quit'[\s\S]*owner\?\.close\(QUIT_WAIT_MS\)/)
  })
})
