import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixturePath, HF_PAGE_COPY } from '../helpers/fixtures'
import { useTempDir } from '../helpers/temp-dir'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

/** Runs the built `papershelf` command as a user would. */
function papershelf(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the built papershelf command', () => {
  const tempDir = useTempDir()

  it('imports, lists and shows papers in a library chosen by PAPERSHELF_HOME', () => {
    const env = { PAPERSHELF_HOME: tempDir() }
    const imported = papershelf(['import', fixturePath(HF_PAGE_COPY), '--tag', 'daily'], env)
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toMatch(/12 added/)
    const listed = papershelf(['list', '--tag', 'daily', '--sort', 'upvotes', '--json'], env)
    const papers = JSON.parse(listed.stdout) as Array<{ title: string; upvotes: number | null }>
    expect(papers).toHaveLength(12)
    expect(papers[0]).toMatchObject({ upvotes: 5 })
    expect(papershelf(['info'], env).stdout).toContain(env.PAPERSHELF_HOME)
  })

  it('exits non-zero with a message on stderr for a missing file', () => {
    const result = papershelf(['import', '/nonexistent/page.txt', '--library', tempDir()])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/no such file/)
  })

  it('serves the library on 127.0.0.1 and prints the address on a line of its own', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--library', tempDir()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'))
          if (line) resolve(line.trim())
        })
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toMatch(/<div id="root">/)
      const origin = new URL(url).origin
      const refused = await fetch(`${origin}/rpc/libraryInfo`, { method: 'POST', body: '{}' })
      expect(refused.status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
