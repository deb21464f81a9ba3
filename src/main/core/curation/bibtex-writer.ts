import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import type { CslOutItem } from './csl-items'
import type { ExportRecord } from './export-records'

/** An entry as citation-js maps it: the values already escaped for TeX. */
type MappedEntry = { type: string; label: string; properties: Record<string, string> }
type BibtexConfig = { format: { asciiOnly: boolean; checkLabel: boolean } }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
// Written by Papershelf itself below (dates as precise as known, arXiv as an eprint).
const REPLACED = new Set(['year', 'month', 'day', 'date', 'eprint', 'eprinttype', 'archiveprefix'])
// TeX's special characters, escaped where citation-js leaves Unicode as it is (BibLaTeX).
const TEX_SPECIAL = /[\\{}$&%#_^~<>]/g
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // outside math, T1 fonts print < and > as ¡ and ¿
  '<': '\\textless{}',
  '>': '\\textgreater{}',
}

/** Text with TeX's special characters escaped and everything else (accents, Greek) kept. */
export function escapeTex(text: string): string {
  return text.replace(TEX_SPECIAL, (c) => TEX_ESCAPES[c] ?? c)
}

/**
 * BibTeX (ASCII: accents and symbols as TeX commands) or BibLaTeX (UTF-8 kept) entries, mapped by
 * citation-js and completed with what it does not map: the arXiv eprint fields (`archivePrefix`
 * and `primaryClass` in BibTeX, `eprinttype` and `eprintclass` in BibLaTeX), the date as precise
 * as known, abstracts and keywords. Preprints are `@misc`; every entry is keyed by its stored key.
 */
export function writeBibtex(
  mode: 'bibtex' | 'biblatex',
  records: ReadonlyArray<ExportRecord>,
  items: ReadonlyArray<CslOutItem>,
): string {
  const entries = mapEntries(mode, mode === 'bibtex' ? items : items.map(escapedForBiblatex))
  // citation-js's BibTeX mapping has no abstract or keywords: take them from the BibLaTeX one.
  const needsRich =
    mode === 'bibtex' && items.some((i) => i.abstract !== undefined || i.keyword !== undefined)
  const rich = needsRich ? mapEntries('biblatex', items.map(onlyRichFields), true) : null
  const out: string[] = []
  entries.forEach((entry, index) => {
    const record = records[index]
    const item = items[index]
    if (!record || !item) return
    const fields: Array<[string, string]> = []
    for (const [name, value] of Object.entries(entry.properties)) {
      if (!REPLACED.has(name.toLowerCase())) fields.push([name, `{${value}}`])
    }
    const extra = rich?.[index]?.properties
    if (extra?.['abstract'] !== undefined) fields.push(['abstract', `{${extra['abstract']}}`])
    if (extra?.['keywords'] !== undefined) fields.push(['keywords', `{${extra['keywords']}}`])
    fields.push(...dateFields(mode, item))
    if (record.arxivId) {
      fields.push(['eprint', `{${record.arxivId}}`])
      if (mode === 'bibtex') {
        fields.push(['archivePrefix', '{arXiv}'])
        if (record.arxivCategory) fields.push(['primaryClass', `{${record.arxivCategory}}`])
      } else {
        fields.push(['eprinttype', '{arxiv}'])
        if (record.arxivCategory) fields.push(['eprintclass', `{${record.arxivCategory}}`])
      }
    }
    const type = item.type === 'article' ? 'misc' : entry.type
    out.push(
      `@${type}{${record.citationKey},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}\n`,
    )
  })
  return out.join('\n')
}

function mapEntries(
  mode: 'bibtex' | 'biblatex',
  items: ReadonlyArray<object>,
  ascii = mode === 'bibtex',
): MappedEntry[] {
  const config = plugins.config.get('@bibtex') as BibtexConfig
  const before = { ...config.format }
  // Synchronous: the switch cannot leak into another caller.
  config.format.asciiOnly = ascii
  config.format.checkLabel = false
  try {
    return plugins.output.format(mode, items, { format: 'object' }) as MappedEntry[]
  } finally {
    Object.assign(config.format, before)
  }
}

function dateFields(mode: 'bibtex' | 'biblatex', item: CslOutItem): Array<[string, string]> {
  const parts = item.issued?.['date-parts'][0]
  if (!parts) return []
  const [year, month, day] = parts
  const iso = [String(year), ...(month ? [pad(month)] : []), ...(day ? [pad(day)] : [])].join('-')
  if (mode === 'biblatex') return [['date', `{${iso}}`]]
  const fields: Array<[string, string]> = [['year', `{${year}}`]]
  // The month as BibTeX's own macro (`jun`), which every style prints in its language.
  const name = month ? MONTHS[month - 1] : undefined
  if (name) fields.push(['month', name])
  // A day has no BibTeX field; `date` keeps it for BibLaTeX and reference managers.
  if (day) fields.push(['date', `{${iso}}`])
  return fields
}

const pad = (n: number) => String(n).padStart(2, '0')

/** UTF-8 stays in BibLaTeX, but TeX's special characters still need escaping in free text. */
function escapedForBiblatex(item: CslOutItem): CslOutItem {
  return {
    ...item,
    ...(item.title !== undefined ? { title: escapeTex(item.title) } : {}),
    ...(item['container-title'] !== undefined
      ? { 'container-title': escapeTex(item['container-title']) }
      : {}),
    ...(item.publisher !== undefined ? { publisher: escapeTex(item.publisher) } : {}),
    ...(item.abstract !== undefined ? { abstract: escapeTex(item.abstract) } : {}),
    ...(item.keyword !== undefined ? { keyword: escapeTex(item.keyword) } : {}),
    ...(item.author !== undefined
      ? {
          author: item.author.map((a) => ({
            family: escapeTex(a.family),
            ...(a.given !== undefined ? { given: escapeTex(a.given) } : {}),
            ...(a.suffix !== undefined ? { suffix: escapeTex(a.suffix) } : {}),
          })),
        }
      : {}),
  }
}

function onlyRichFields(item: CslOutItem): object {
  return {
    id: item.id,
    type: item.type,
    ...(item.abstract !== undefined ? { abstract: item.abstract } : {}),
    ...(item.keyword !== undefined ? { keyword: item.keyword } : {}),
  }
}
