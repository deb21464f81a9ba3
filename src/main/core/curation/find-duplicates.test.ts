import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateLibrary } from '../../../../bench/generate-library'
import { importGeneratedDrafts } from '../../../../bench/seed-library'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { DATABASE_FILE } from '../create-core'
import { openDatabase } from '../db/open-database'
import { compare, findDuplicates, loadCandidates } from './find-duplicates'

const tempDir = useTempDir()

describe('curation/find-duplicates', () => {
  it('finds every pair that comparing all pairs finds, on a generated library with reworded versions', () => {
    const dir = tempDir()
    importGeneratedDrafts(dir, generateLibrary({ count: 2_500, seed: 16 }))
    const db = openDatabase(join(dir, DATABASE_FILE))
    try {
      const candidates = loadCandidates(db)
      const everyPair: string[] = []
      for (let i = 0; i < candidates.length; i++) {
        for (let j = i + 1; j < candidates.length; j++) {
          const pair = compare(candidates[i]!, candidates[j]!)
          if (pair) everyPair.push(`${Math.min(pair.a, pair.b)}:${Math.max(pair.a, pair.b)}`)
        }
      }
      const found = findDuplicates(db)
        .filter((pair) => pair.reason !== 'arxiv-doi')
        .map((pair) => `${pair.a}:${pair.b}`)
      expect(everyPair.length).toBeGreaterThan(10)
      expect(new Set(found)).toEqual(new Set(everyPair))
      expect(found).toHaveLength(new Set(found).size)
    } finally {
      db.close()
    }
  })
})
