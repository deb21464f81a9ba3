import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppEventEnvelope } from '@shared/api/events'
import { EXTENSION_KEY_HEADER, type PairingGrant, type SavedPaper } from '@shared/api/browser-api'
import type { RpcResult } from '@shared/rpc/protocol'
import { extractPage } from '@shared/pages/extract-page'
import type { PagePaper } from '@shared/pages/page-paper'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { useFixtureServer } from '../../../test/helpers/fixture-http-server'
import { readFixture } from '../../../test/helpers/fixtures'
import { rawRequest } from '../../../test/helpers/node-http-client'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { TEST_NOW } from '../../../test/helpers/test-core'
import { makeTestPdf } from '../../../test/helpers/test-pdfs'
import { createCore, type Core } from '../core/create-core'
import { snapshotFromHtml } from '../core/sources/html-snapshot'
import { startHttpServer, type HttpServer } from './http-server'

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
const EVIL = 'https://evil.example'

describe('transport/extension-door', { timeout: 30_000 }, () => {
  const newTempDir = useTempDir('papershelf-ext-')
  const serveFixtures = useFixtureServer()
  const running: Array<{ server: HttpServer; core: Core }> = []
  let pdf: Buffer

  beforeAll(async () => {
    pdf = Buffer.from(await makeTestPdf({ pages: 2, title: 'Deep Residual Learning' }))
  })
  afterEach(async () => {
    for (const { server, core } of running.splice(0)) {
      await server.close()
      core.close()
    }
  })

  async function start() {
    const fixtures = await serveFixtures({
      'GET /papers/resnet.pdf': { headers: { 'content-type': 'application/pdf' }, body: pdf },
    })
    const renderer = join(newTempDir(), 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Papershelf</title>')
    const core = createCore({
      dataDir: newTempDir(),
      now: () => TEST_NOW,
      baseUrls: { arxiv: fixtures.url },
      pdf: { policy: { spacingMs: { '*': 0 }, backoffBaseMs: 10 } },
    })
    const events: AppEventEnvelope[] = []
    core.events.subscribe((event) => events.push(event))
    const server = await startHttpServer({
      service: core.api,
      events: core.events,
      rendererDir: renderer,
    })
    running.push({ server, core })
    const port = Number(new URL(server.origin).port)
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await rawRequest(port, {
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: EXTENSION, ...headers },
        body: JSON.stringify(body),
      })
      return { status: res.status, headers: res.headers, json: JSON.parse(res.body) as RpcResult }
    }
    const pair = async (): Promise<string> => {
      const asked = await post('/ext/pair', { client: 'Chromium' })
      const { requestId } = (asked.json as { value: { requestId: string } }).value
      const shown = events.find(
        (e) => e.type === 'pairing.requested' && e.payload.requestId === requestId,
      )
      if (shown?.type !== 'pairing.requested') throw new Error('no code was shown')
      const confirmed = await post('/ext/pair/confirm', {
        requestId,
        code: shown.payload.code.toLowerCase(),
      })
      return (confirmed.json as { value: PairingGrant }).value.key
    }
    return { core, server, port, post, pair, events, fixtures }
  }

  const citationPaper = (base: string): PagePaper => {
    const html = readFixture('pages/citation-meta-only.html').replace(
      'papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf"',
      `${base}/papers/resnet.pdf"`,
    )
    return extractPage(snapshotFromHtml(html, `${base}/resnet.html`)).papers[0]!
  }

  it('pairs with the code the app shows; wrong codes are refused and five of them end the request', async () => {
    const { post, events, core } = await start()
    const asked = await post('/ext/pair', { client: 'Firefox' })
    expect(asked.status).toBe(200)
    const { requestId } = (asked.json as { value: { requestId: string } }).value
    // The code is shown by the app (event, listPairings), never sent to the requester.
    expect(JSON.stringify(asked.json)).not.toMatch(/code/)
    const pending = await core.api.listPairings({})
    expect(pending.pending).toEqual([expect.objectContaining({ requestId, client: 'Firefox' })])
    expect(events.some((e) => e.type === 'pairing.requested')).toBe(true)
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/ext/pair/confirm', { requestId, code: 'WRONG1' })
      expect(wrong.json).toMatchObject({ ok: false })
    }
    const right = await post('/ext/pair/confirm', { requestId, code: pending.pending[0]!.code })
    expect(right.json).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect((await core.api.listPairings({})).paired).toEqual([])
  })

  it('refuses requests without a valid key, and a revoked key', async () => {
    const { post, pair, core } = await start()
    const paper = citationPaper('http://127.0.0.1:9')
    expect((await post('/ext/rpc/lookupPapers', { papers: [paper] })).status).toBe(401)
    expect(
      (
        await post(
          '/ext/rpc/lookupPapers',
          { papers: [paper] },
          { [EXTENSION_KEY_HEADER]: 'guess' },
        )
      ).status,
    ).toBe(401)
    const key = await pair()
    expect((await post('/ext/ping', {}, { [EXTENSION_KEY_HEADER]: key })).json).toMatchObject({
      value: { paired: true },
    })
    const ok = await post(
      '/ext/rpc/lookupPapers',
      { papers: [paper] },
      { [EXTENSION_KEY_HEADER]: key },
    )
    expect(ok).toMatchObject({ status: 200, json: { ok: true, value: [null] } })
    // Only the extension's methods are reachable with a key.
    expect((await post('/ext/rpc/restoreBackup', {}, { [EXTENSION_KEY_HEADER]: key })).status).toBe(
      404,
    )
    const [pairing] = (await core.api.listPairings({})).paired
    await core.api.revokePairing({ id: pairing!.id })
    expect(
      (await post('/ext/rpc/lookupPapers', { papers: [paper] }, { [EXTENSION_KEY_HEADER]: key }))
        .status,
    ).toBe(401)
  })

  it('refuses a web page origin on every extension route, even with a valid key', async () => {
    const { post, pair, port } = await start()
    const key = await pair()
    for (const path of ['/ext/pair', '/ext/pair/confirm', '/ext/ping', '/ext/rpc/savePapers']) {
      const res = await post(path, {}, { origin: EVIL, [EXTENSION_KEY_HEADER]: key })
      expect(res.status, path).toBe(403)
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined()
    }
    const preflight = await rawRequest(port, {
      path: '/ext/rpc/savePapers',
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    const allowed = await rawRequest(port, {
      path: '/ext/rpc/savePapers',
      method: 'OPTIONS',
      headers: { origin: EXTENSION, 'access-control-request-method': 'POST' },
    })
    expect(allowed.status).toBe(204)
    expect(allowed.headers['access-control-allow-origin']).toBe(EXTENSION)
    // The main API still refuses the extension's origin: it has only its own routes.
    const main = await rawRequest(port, {
      path: '/rpc/libraryInfo',
      method: 'POST',
      headers: { origin: EXTENSION },
      body: '{}',
    })
    expect(main.status).toBe(403)
  })

  it('saves into a tag and a list with the PDF fetched by the app; saving twice adds nothing', async () => {
    const { post, pair, core, fixtures } = await start()
    const key = await pair()
    const list = await core.api.createList({ name: 'To read' })
    const paper = citationPaper(fixtures.url)
    const arxivPage = extractPage(
      snapshotFromHtml(
        readFixture('pages/arxiv-abs-1605.08386.html'),
        'https://arxiv.org/abs/1605.08386',
      ),
    ).papers[0]!
    const save = () =>
      post(
        '/ext/rpc/savePapers',
        { papers: [paper, arxivPage], tags: ['vision'], listId: list.id },
        { [EXTENSION_KEY_HEADER]: key },
      )
    const first = await save()
    const saved = (first.json as { value: SavedPaper[] }).value
    expect(saved.map((p) => [p.added, p.tags, p.lists, p.status])).toEqual([
      [true, ['vision'], ['To read'], 'unread'],
      [true, ['vision'], ['To read'], 'unread'],
    ])
    expect(saved[0]?.openUrl).toBe(`papershelf://open?paper=${saved[0]?.paperId}`)
    expect(saved[0]?.pdfQueued).toBe(true)
    await core.api.downloadPdfs({ ids: [saved[0]!.paperId], wait: true })
    expect(await core.api.pdfUrl({ id: saved[0]!.paperId })).not.toBeNull()
    const stored = await core.api.getPaper({ id: saved[0]!.paperId })
    expect(stored).toMatchObject({
      doi: '10.1109/cvpr.2016.90',
      title: 'Deep Residual Learning for Image Recognition',
    })
    expect((await core.api.getPaper({ id: saved[1]!.paperId })).arxivId).toBe('1605.08386')

    const again = (await save()).json as { value: SavedPaper[] }
    expect(again.value.map((p) => [p.paperId, p.added, p.hasPdf])).toEqual([
      [saved[0]!.paperId, false, true],
      [saved[1]!.paperId, false, false],
    ])
    expect((await core.api.libraryInfo({})).paperCount).toBe(2)
    const lookedUp = await post(
      '/ext/rpc/lookupPapers',
      { papers: [paper] },
      { [EXTENSION_KEY_HEADER]: key },
    )
    expect(lookedUp.json).toMatchObject({
      value: [{ paperId: saved[0]!.paperId, tags: ['vision'], hasPdf: true }],
    })
  })

  it('reveals a saved paper in every open window and tags it with a suggestion', async () => {
    const { post, pair, events, core } = await start()
    const key = await pair()
    const report = await core.api.importText({
      text: '1605.08386\n',
      format: 'ids',
      sourceName: 'ids',
      tags: [],
      keywordsAsTags: false,
    })
    const id = report.paperIds[0]!
    const res = await post('/ext/rpc/revealPaper', { id }, { [EXTENSION_KEY_HEADER]: key })
    expect(res.json).toMatchObject({ ok: true })
    expect(events).toContainEqual({ type: 'paper.reveal', payload: { paperId: id } })
    // The tags learned for a saved paper are offered, and one click adds one.
    const suggested = await post(
      '/ext/rpc/suggestTags',
      { ids: [id] },
      { [EXTENSION_KEY_HEADER]: key },
    )
    expect(suggested.json).toMatchObject({ ok: true, value: [{ id, suggestions: [] }] })
    const tagged = await post(
      '/ext/rpc/tagPapers',
      { ids: [id], tags: ['markov'] },
      { [EXTENSION_KEY_HEADER]: key },
    )
    expect(tagged.json).toMatchObject({ ok: true, value: { changed: 1 } })
    expect((await core.api.getPaper({ id })).tags).toEqual(['markov'])
  })
})
