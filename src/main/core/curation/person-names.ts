/** Lower-case words that belong to a family name (`van der Waals`, `de la Cruz`). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'zu',
  'af',
  'bin',
  'al',
])
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv)$/i

/** A name stored as written (`Ashish Vaswani`) split the way citations need it. */
export type PersonName = { given: string; family: string; suffix: string }

/**
 * Splits `First Middle von Last Jr.` into given and family names: a `Last, First` form is taken
 * as written; otherwise the family name is the last word with the lower-case particles before it.
 * A single word is a family name (an organisation or a mononym).
 */
export function splitName(name: string): PersonName {
  const trimmed = name.trim().replace(/\s+/g, ' ')
  const comma = trimmed.indexOf(',')
  if (comma > 0) {
    return {
      family: trimmed.slice(0, comma).trim(),
      given: trimmed.slice(comma + 1).trim(),
      suffix: '',
    }
  }
  const words = trimmed.split(' ')
  let suffix = ''
  if (words.length > 2 && SUFFIX.test(words.at(-1) ?? '')) suffix = words.pop() ?? ''
  let start = words.length - 1
  while (start > 1 && PARTICLES.has(words[start - 1] ?? '')) start -= 1
  if (start === 1 && words.length > 1 && PARTICLES.has(words[0] ?? '')) start = 0
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' '), suffix }
}

/** The family name of a name as written. */
export function familyName(name: string): string {
  return splitName(name).family
}
