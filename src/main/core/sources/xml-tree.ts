import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { ParseError } from './parse-error'

/** An XML element with its namespace resolved, so prefixes and their placement do not matter. */
export type XmlElement = {
  /** The namespace URI ('' when none). */
  ns: string
  local: string
  /** Attributes by local name (namespaced attributes are rare in feeds and kept by local name). */
  attrs: Record<string, string>
  children: XmlElement[]
  /** The element's own text, entities decoded once. */
  text: string
}

/** Common namespaces. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  arxiv: 'http://arxiv.org/schemas/atom',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/',
} as const

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

/** Parses an XML document into namespace-resolved elements; a ParseError names the line at fault. */
export function parseXmlTree(text: string): XmlElement {
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new ParseError(`this is not well-formed XML (${valid.err.msg})`, valid.err.line)
  }
  let nodes: OrderedNode[]
  try {
    nodes = parser.parse(text) as OrderedNode[]
  } catch (error) {
    // The parser's own limits (entity sizes, nesting depth) stop hostile documents.
    throw new ParseError(`this XML document is refused (${(error as Error).message})`)
  }
  const root = nodes
    .map((node) => toElement(node, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])))
    .find((element): element is XmlElement => element !== null)
  if (!root) throw new ParseError('the XML document has no root element')
  return root
}

function toElement(node: OrderedNode, inherited: ReadonlyMap<string, string>): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@')
  if (name === undefined || name === '#text' || name === '#comment' || name.startsWith('?')) {
    return null
  }
  const rawAttrs = node[':@'] ?? {}
  const scope = new Map(inherited)
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns') scope.set('', value)
    else if (key.startsWith('xmlns:')) scope.set(key.slice('xmlns:'.length), value)
  }
  const attrs: Record<string, string> = {}
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue
    attrs[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = String(value)
  }
  const colon = name.indexOf(':')
  const prefix = colon >= 0 ? name.slice(0, colon) : ''
  const children: XmlElement[] = []
  let text = ''
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) text += textOf(child['#text'])
    else if ('#cdata' in child) text += cdataText(child['#cdata'])
    else {
      const element = toElement(child, scope)
      if (element) children.push(element)
    }
  }
  return {
    ns: scope.get(prefix) ?? '',
    local: colon >= 0 ? name.slice(colon + 1) : name,
    attrs,
    children,
    text,
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

function cdataText(value: unknown): string {
  return Array.isArray(value)
    ? value.map((part: Record<string, unknown>) => textOf(part['#text'])).join('')
    : ''
}

/** The child elements with this namespace and local name. */
export function childrenNamed(element: XmlElement, ns: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.local === local)
}

/** The trimmed text of the first such child, or null. */
export function childText(element: XmlElement, ns: string, local: string): string | null {
  const child = element.children.find((c) => c.ns === ns && c.local === local)
  return child ? child.text.trim() : null
}
