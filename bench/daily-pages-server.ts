// A stand-in for the Hugging Face daily API, run in its own process by the sync benchmark (a real
// server is not in the app's process, so its work must not be counted as the app's). Serves
// `/api/daily_papers?date=D&p=P` from files `<dir>/<date>.ndjson` (one page body per line), with
// ETags while they are on; the parent turns them off and on with `{ etags: boolean }` messages.
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const dir = process.argv[2]
if (!dir || !process.send) throw new Error('usage: forked with the pages folder as argument')

const days = new Map<string, Buffer[]>()
for (const file of readdirSync(dir).filter((name) => name.endsWith('.ndjson'))) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean)
  days.set(
    file.replace(/\.ndjson$/, ''),
    lines.map((line) => Buffer.from(line)),
  )
}

let etags = true
process.on('message', (message: { etags?: boolean }) => {
  if (typeof message.etags === 'boolean') etags = message.etags
  process.send?.({ ack: true })
})

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  const date = url.searchParams.get('date') ?? ''
  const index = Number(url.searchParams.get('p') ?? 0)
  const body = days.get(date)?.[index] ?? Buffer.from('[]')
  const etag = `"${date}-${index}-${body.length}"`
  if (etags && req.headers['if-none-match'] === etag) {
    res.writeHead(304).end()
    return
  }
  res.writeHead(200, { 'content-type': 'application/json', ...(etags ? { etag } : {}) }).end(body)
})
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port })
})
process.on('disconnect', () => server.close(() => process.exit(0)))
