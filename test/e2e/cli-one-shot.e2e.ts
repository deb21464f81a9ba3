import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useFixtureServer } from '../helpers/fixture-http-server'
import { useTempDir } from '../helpers/temp-dir'
import { makeTestPdf } from '../helpers/test-pdfs'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

/**
 * Runs the built `papershelf` command in a child process without blocking this one (the fixture
 * server answering it lives here), and resolves with how it ended.
 */
function papershelf(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

const pdfReply = async (title: string) => ({
  headers: { 'content-type': 'application/pdf' },
  body: Buffer.from(await makeTestPdf({ pages: 1, title })),
})

describe('one-shot CLI commands run to their end as a child process', () => {
  const tempDir = useTempDir()
  const serve = useFixtureServer()

  /** A library with three arXiv papers, the first two tagged `queue`. */
  const threePapers = async (env: Record<string, string>) => {
    const ids = join(tempDir(), 'ids.txt')
    writeFileSync(ids, '2401.00001\n2401.00002\n2401.00003\n')
    expect((await papershelf(['import', ids, '--format', 'ids'], env)).code).toBe(0)
    for (const paper of ['1', '2']) {
      expect((await papershelf(['tag', paper, 'queue'], env)).code).toBe(0)
    }
  }

  it('downloads several PDFs, spaced by PAPERSHELF_ARXIV_DELAY_MS, and exits 0', async () => {
    const server = await serve({
      'GET /pdf/2401.00001': await pdfReply('One'),
      'GET /pdf/2401.00002': await pdfReply('Two'),
      'GET /pdf/2401.00003': await pdfReply('Three'),
    })
    const env = {
      PAPERSHELF_HOME: tempDir(),
      PAPERSHELF_ARXIV_URL: server.url,
      PAPERSHELF_ARXIV_DELAY_MS: '1200',
    }
    await threePapers(env)
    const result = await papershelf(['download', '2401.00001', '2401.00002', '2401.00003'], env)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Downloaded 3 of 3/)
    const times = server.requests.filter((r) => r.url.startsWith('/pdf/')).map((r) => r.at)
    expect(times).toHaveLength(3)
    for (let i = 1; i < times.length; i += 1) {
      const gap = (times[i] ?? 0) - (times[i - 1] ?? 0)
      // The configured spacing, not arXiv's default 3 s. The queue spaces the starts of its
      // requests; their arrival here may differ by a connection's set-up on a busy machine.
      expect(gap).toBeGreaterThanOrEqual(900)
      expect(gap).toBeLessThan(2900)
    }
  })

  it('downloads the PDFs of a tag and exits 0', async () => {
    const server = await serve({
      'GET /pdf/2401.00001': await pdfReply('One'),
      'GET /pdf/2401.00002': await pdfReply('Two'),
    })
    const env = {
      PAPERSHELF_HOME: tempDir(),
      PAPERSHELF_ARXIV_URL: server.url,
      PAPERSHELF_ARXIV_DELAY_MS: '300',
    }
    await threePapers(env)
    const result = await papershelf(['download', '--tag', 'queue'], env)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Downloaded 2 of 2/)
    const again = await papershelf(['download', '--tag', 'queue'], env)
    expect(again.stdout).toMatch(/2 already stored/)
  })

  it('reports a failed sync on stderr with status 1, nothing on stdout', async () => {
    const server = await serve({
      'GET /api/daily_papers': {
        headers: { 'content-type': 'text/html' },
        body: '<html>maintenance</html>',
      },
    })
    const env = {
      PAPERSHELF_HOME: tempDir(),
      PAPERSHELF_HF_URL: server.url,
      PAPERSHELF_HTTP_BACKOFF_MS: '0',
    }
    const once = await papershelf(['sync', 'hf-daily', '--date', '2026-05-18'], env)
    expect(once.code).toBe(1)
    expect(once.stdout).toBe('')
    expect(once.stderr).toMatch(/✗ hf-daily .*FAILED/)
    const added = await papershelf(['sources', 'add', 'hf-daily', '--date', '2026-05-18'], env)
    expect(added.code).toBe(0)
    const all = await papershelf(['sync', '--all'], env)
    expect(all.code).toBe(1)
    expect(all.stdout).toBe('')
    expect(all.stderr).toMatch(/FAILED/)
  })

  it('lists every paper with --all, past the 10,000 of one --limit', async () => {
    const env = { PAPERSHELF_HOME: tempDir() }
    const count = 10_050
    const ids = join(tempDir(), 'ids.txt')
    writeFileSync(
      ids,
      Array.from({ length: count }, (_, i) => `2402.${String(i + 1).padStart(5, '0')}`).join('\n'),
    )
    expect((await papershelf(['import', ids, '--format', 'ids'], env)).code).toBe(0)
    const tooMany = await papershelf(['list', '--limit', '20000'], env)
    expect(tooMany.code).toBe(2)
    expect(tooMany.stderr).toMatch(/--all/)
    const json = await papershelf(['list', '--all', '--json'], env)
    expect(json.code).toBe(0)
    const papers = JSON.parse(json.stdout) as Array<{ id: number }>
    expect(papers).toHaveLength(count)
    expect(new Set(papers.map((p) => p.id)).size).toBe(count)
    const text = await papershelf(['list', '--all', '--status', 'unread'], env)
    expect(text.stdout.trim().split('\n')).toHaveLength(count + 1)
    expect(text.stdout).toMatch(/\(10050 of 10050\)\n$/)
  })
})
