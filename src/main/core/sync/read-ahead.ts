/**
 * Iterates `source` one item ahead: while the caller works on an item (a sync applies a page, which
 * blocks the thread), the request for the next one is already on its way, so a sync takes about
 * the longer of fetching and writing rather than their sum. An error of the next item surfaces only
 * when the caller asks for it, after the current one was handled; stopping early stops the source.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]()
  let next = iterator.next()
  let finished = false
  try {
    for (;;) {
      const result = await next
      if (result.done) {
        finished = true
        return
      }
      next = iterator.next()
      // Rejections are handled when awaited above; this only keeps an early stop from leaving
      // an unhandled one behind.
      next.catch(() => undefined)
      yield result.value
    }
  } finally {
    if (!finished) {
      await next.then(
        () => iterator.return?.(),
        () => undefined,
      )
    }
  }
}
