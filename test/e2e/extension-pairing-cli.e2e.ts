import { afterEach, describe, expect, it } from 'vitest'
import { papershelf, startServe, type ServeProcess } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

describe('pairing with papershelf serve (built CLI)', { timeout: 60_000 }, () => {
  const tempDir = useTempDir('papershelf-pair-cli-')
  const running: ServeProcess[] = []
  afterEach(async () => {
    for (const serve of running.splice(0)) await serve.stop()
  })

  it('serve prints the code an extension must type; pairings lists and revokes through the owner', async () => {
    const library = tempDir()
    const serve = await startServe(library)
    running.push(serve)
    const post = (path: string, body: unknown) =>
      fetch(`${serve.origin}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        },
        body: JSON.stringify(body),
      }).then((res) => res.json() as Promise<{ ok: boolean; value: { requestId: string } }>)
    const asked = await post('/ext/pair', { client: 'Firefox' })
    const said = await serve.waitForStderr(
      /the Firefox extension asks to pair: type ([A-Z0-9]{6}) into it/,
    )
    const code = /type ([A-Z0-9]{6}) into it/.exec(said)?.[1]
    const waiting = await papershelf(['pairings', '--library', library])
    expect(waiting.stdout).toContain(`waiting  Firefox: type ${code} into the extension`)
    expect(
      await post('/ext/pair/confirm', { requestId: asked.value.requestId, code }),
    ).toMatchObject({ ok: true })
    const listed = await papershelf(['pairings', '--json', '--library', library])
    const { paired } = JSON.parse(listed.stdout) as {
      paired: Array<{ id: number; client: string }>
    }
    expect(paired).toMatchObject([{ client: 'Firefox' }])
    const revoked = await papershelf([
      'pairings',
      '--revoke',
      String(paired[0]!.id),
      '--library',
      library,
    ])
    expect(revoked.code).toBe(0)
    expect((await papershelf(['pairings', '--library', library])).stdout).toBe(
      'No browser extension is paired.\n',
    )
  })
})
