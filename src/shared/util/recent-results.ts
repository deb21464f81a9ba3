/**
 * `compute`, remembering the results for the last inputs it saw: at most `limit` of them, the
 * memory starting over when full (simpler than least-recently-used, and as good for inputs that
 * recur within one batch: a feed's author names, a sync page's titles).
 */
export function rememberRecent<T>(
  limit: number,
  compute: (input: string) => T,
): (input: string) => T {
  const recent = new Map<string, T>()
  return (input) => {
    if (recent.has(input)) return recent.get(input) as T
    if (recent.size >= limit) recent.clear()
    const result = compute(input)
    recent.set(input, result)
    return result
  }
}
