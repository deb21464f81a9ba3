import { useMemo } from 'react'
import { parseQuery } from '@shared/search/query-syntax'

/** The query text behind the (transparent-backed) field, with operators tinted and bad ones underlined. */
export function QueryColors({ value }: { value: string }) {
  const parts = useMemo(() => {
    const out: Array<{ text: string; kind: string | null }> = []
    let at = 0
    for (const token of parseQuery(value).tokens) {
      if (token.kind === 'word' || token.kind === 'phrase') continue
      if (token.start > at) out.push({ text: value.slice(at, token.start), kind: null })
      out.push({ text: value.slice(token.start, token.end), kind: token.kind })
      at = token.end
    }
    if (at < value.length) out.push({ text: value.slice(at), kind: null })
    return out
  }, [value])
  if (!parts.some((part) => part.kind !== null)) return null
  return (
    <div className="search-field__colors" aria-hidden="true">
      {parts.map((part, index) =>
        part.kind ? (
          <span key={index} className={`query-token--${part.kind}`}>
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </div>
  )
}
