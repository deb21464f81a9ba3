/** Binds a list of ids as one JSON parameter, for `IN (SELECT value FROM json_each(?))`. */
export function jsonIds(ids: ReadonlyArray<number>): string {
  return JSON.stringify(ids)
}
