import { useEffect, useMemo, useState } from 'react'
import { splitMath } from './inline-math'

type Typeset = (tex: string, display: boolean) => string | null

// KaTeX loads on the first formula shown, so it never delays the first paint of the list.
let loaded: Typeset | null = null
let loading: Promise<Typeset> | null = null
function loadTypeset(): Promise<Typeset> {
  loading ??= import('./katex-render').then((module) => (loaded = module.typeset))
  return loading
}

/** Text with its `$…$` formulas typeset; everything else stays text. */
export function MathText({ text }: { text: string }) {
  const pieces = useMemo(() => splitMath(text), [text])
  const hasMath = pieces.some((piece) => piece.kind === 'math')
  const [typeset, setTypeset] = useState<Typeset | null>(() => loaded)
  useEffect(() => {
    if (hasMath && typeset === null) {
      let live = true
      void loadTypeset().then((fn) => {
        if (live) setTypeset(() => fn)
      })
      return () => {
        live = false
      }
    }
    return undefined
  }, [hasMath, typeset])
  return (
    <>
      {pieces.map((piece, index) => {
        if (piece.kind === 'text') return <span key={index}>{piece.text}</span>
        const html = typeset ? typeset(piece.tex, piece.display) : null
        if (html === null) return <span key={index}>{`$${piece.tex}$`}</span>
        return (
          <span
            key={index}
            className={piece.display ? 'math math--display' : 'math'}
            // KaTeX output from `trust: false` (see katex-render.ts): escaped text in KaTeX's spans.
            dangerouslySetInnerHTML={{ __html: html }}
          />
        )
      })}
    </>
  )
}
