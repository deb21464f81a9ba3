import katex from 'katex'
import 'katex/dist/katex.min.css'

/**
 * KaTeX's markup for one formula, or null when it cannot be typeset. `trust: false` keeps \href,
 * \url, \includegraphics and friends inert, and KaTeX escapes every character it prints, so text
 * from the network never becomes markup.
 */
export function typeset(tex: string, display: boolean): string | null {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      trust: false,
      throwOnError: false,
      strict: 'ignore',
      maxSize: 20,
      maxExpand: 200,
      output: 'htmlAndMathml',
    })
  } catch {
    return null
  }
}
