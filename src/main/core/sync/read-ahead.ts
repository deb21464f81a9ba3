/**
 * Iterates `source` up to `depth` items ahead: while the caller works on an item (a sync applies a
 * page, which blocks the thread), the next ones are already being fetched and parsed (in the parse
 * thread), so a sync takes about the longest of fetching, parsing and writing rather than their
 * sum. An error of a later item surfaces only when the caller reaches it, after the items before
 * it were handled; stopping early stops the source.
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
  options: {
    depth?: number
    /** Called when the caller stops early, before the items still on their way are awaited. */
    onStop?: () => void
  } = {},
): AsyncGenerator<T, void, undefined> {
  const depth = options.depth ?? 1
  const iterator = source[Symbol.asyncIterator]()
  const ahead: Array<Promise<IteratorResult<T>>> = []
  const request = () => {
    const next = iterator.next()
    // Rejections are handled when awaited below; this only keeps an early stop from leaving an
    // unhandled one behind.
    next.catch(() => undefined)
    ahead.push(next)
  }
  let finished = false
  request()
  try {
    for (;;) {
      const result = await (ahead.shift() as Promise<IteratorResult<T>>)
      if (result.done) {
        finished = true
        return
      }
      while (ahead.length < depth) request()
      yield result.value
    }
  } finally {
    if (!finished) {
      options.onStop?.()
      await Promise.allSettled(ahead)
      await iterator.return?.()
    }
  }
}
