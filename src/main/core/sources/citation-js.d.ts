// The citation-js packages ship no type declarations; these cover the calls Papershelf makes.
declare module '@citation-js/core' {
  /** The plugin registry: `data` runs the one parser registered for a type, `format` one output. */
  export const plugins: {
    input: {
      data(input: unknown, type: string): unknown
    }
    output: {
      format(name: string, data: ReadonlyArray<object>, options?: Record<string, unknown>): unknown
    }
    config: {
      get(plugin: string): unknown
    }
  }
}

declare module '@citation-js/plugin-ris'

// The BibTeX plugin's own file and field readers (CommonJS build), which the BibTeX reader calls
// directly: the file reader splits entries and resolves @string macros, the field reader turns
// one field's TeX into text (or a name list) in time linear in its length.
declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  /** One entry as written: field values are still TeX. */
  export type BibFileEntry = {
    type: string
    label: string
    properties: Record<string, string | number>
  }
  export function parse(text: string): BibFileEntry[]
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** A name as the field reader splits it. */
  export type BibName = {
    given?: string
    family?: string
    prefix?: string
    suffix?: string
    literal?: string
  }
  export function parse(text: string, field: string): string | string[] | BibName[]
}

declare module '@citation-js/plugin-bibtex/lib/input/name.js' {
  import type { BibName } from '@citation-js/plugin-bibtex/lib/input/value.js'
  /** One word of a name as the field reader lexes it. */
  export type BibNamePart = { value: string; upperCase: boolean | null; hyphenated?: boolean }
  /** True for a word whose first cased letter is upper case, false for lower, null for none. */
  export function getStringCase(word: string): boolean | null
  /** A name from its comma-separated pieces: given, prefix, family and suffix. */
  export function orderNamePieces(pieces: BibNamePart[][]): BibName
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
