// A generated library of `count` papers in a fresh folder, with the user's tags applied, for the
// export and duplicate benchmarks; `cleanup` removes the folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@shared/rpc/create-client'
import { createCore, type Core } from '../src/main/core/create-core'
import { inProcessTransport } from '../src/main/transport/in-process-transport'
import { generateLibrary } from './generate-library'
import { applyGeneratedUserData, importGeneratedDrafts } from './seed-library'

export async function openGeneratedLibrary(
  count: number,
): Promise<{ core: Core; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-bench-curation-'))
  const library = generateLibrary({ count, seed: 16 })
  const ids = importGeneratedDrafts(dataDir, library)
  const core = createCore({ dataDir })
  await applyGeneratedUserData(createClient(inProcessTransport(core)), library, ids)
  return {
    core,
    cleanup: () => {
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
