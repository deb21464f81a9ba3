import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Absolute path of a recorded sample in `test/fixtures`. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url))
}

/** The text of a shared fixture file. */
export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8')
}

/** The copied Hugging Face papers page: a header and 12 complete entries. */
export const HF_PAGE_COPY = 'hf-page-copy/papers-page-copy-excerpt.txt'
