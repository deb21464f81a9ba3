/** A piece of text: plain, or TeX to typeset. */
export type TextPiece =
  { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean }

/** The longest formula typeset; longer ones stay text so a stray `$` cannot swallow an abstract. */
const MAX_TEX = 400

/**
 * Splits text at `$…$`, `$$…$$`, `\(…\)` and `\[…\]`; an escaped `\$`, an unclosed or an empty
 * delimiter stays text.
 */
export function splitMath(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let plain = ''
  let i = 0
  const flush = () => {
    if (plain !== '') pieces.push({ kind: 'text', text: plain })
    plain = ''
  }
  while (i < text.length) {
    const char = text[i]
    if (char === '\\' && text[i + 1] === '$') {
      plain += '$'
      i += 2
      continue
    }
    const open = opener(text, i)
    if (open) {
      const end = text.indexOf(open.close, i + open.open.length)
      const tex = end < 0 ? '' : text.slice(i + open.open.length, end)
      if (end >= 0 && acceptable(tex, open.open)) {
        flush()
        pieces.push({ kind: 'math', tex: tex.trim(), display: open.display })
        i = end + open.close.length
        continue
      }
    }
    plain += char
    i += 1
  }
  flush()
  return pieces
}

/** Pandoc's rule for `$`: no space just inside the delimiters, no blank line within. */
function acceptable(tex: string, open: string): boolean {
  if (tex.trim() === '' || tex.length > MAX_TEX) return false
  if (open !== '$') return true
  return tex === tex.trim() && !/\n\s*\n/.test(tex)
}

function opener(text: string, i: number): { open: string; close: string; display: boolean } | null {
  if (text.startsWith('$$', i)) return { open: '$$', close: '$$', display: true }
  if (text[i] === '$') return { open: '$', close: '$', display: false }
  if (text.startsWith('\\(', i)) return { open: '\\(', close: '\\)', display: false }
  if (text.startsWith('\\[', i)) return { open: '\\[', close: '\\]', display: true }
  return null
}
