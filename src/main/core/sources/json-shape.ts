import { ParseError } from './parse-error'

/** How a JSON text is nested: its deepest level and the line where each top-level array item starts. */
export type JsonShape = { itemLines: number[] }

/**
 * Scans a JSON text once, without building it, and refuses nesting deeper than `maxDepth` before
 * `JSON.parse` could spend its stack on it. Records the line of each item of a top-level array.
 */
export function scanJsonShape(text: string, maxDepth: number): JsonShape {
  const itemLines: number[] = []
  let depth = 0
  let line = 1
  let inString = false
  let expectItem = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) line++
    if (inString) {
      if (code === 92) i++
      else if (code === 34) inString = false
      continue
    }
    if (code === 32 || code === 9 || code === 13 || code === 10) continue
    if (expectItem && code !== 93) itemLines.push(line)
    expectItem = false
    if (code === 34) inString = true
    else if (code === 91 || code === 123) {
      depth++
      if (depth > maxDepth) {
        throw new ParseError(`the JSON is nested more than ${maxDepth} levels deep`, line)
      }
      if (depth === 1 && code === 91) expectItem = true
    } else if (code === 93 || code === 125) depth--
    else if (code === 44 && depth === 1) expectItem = true
  }
  return { itemLines }
}
