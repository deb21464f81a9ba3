import type { Nodes } from 'mdast'
import { createElement, useMemo, type ReactNode } from 'react'
import { isSafeLink, parseNote } from './markdown-tree'

/** A note rendered from Markdown into React elements: no raw HTML, links only to http(s). */
export function MarkdownNote({ text }: { text: string }) {
  const tree = useMemo(() => parseNote(text), [text])
  return <div className="markdown">{children(tree)}</div>
}

function children(node: Nodes): ReactNode[] {
  return 'children' in node ? node.children.map((child, index) => render(child, index)) : []
}

function render(node: Nodes, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{children(node)}</p>
    case 'heading':
      return createElement(`h${Math.min(6, node.depth + 2)}`, { key }, children(node))
    case 'text':
      return node.value
    case 'emphasis':
      return <em key={key}>{children(node)}</em>
    case 'strong':
      return <strong key={key}>{children(node)}</strong>
    case 'delete':
      return <del key={key}>{children(node)}</del>
    case 'inlineCode':
      return <code key={key}>{node.value}</code>
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      )
    case 'blockquote':
      return <blockquote key={key}>{children(node)}</blockquote>
    case 'list':
      return node.ordered ? (
        <ol key={key}>{children(node)}</ol>
      ) : (
        <ul key={key}>{children(node)}</ul>
      )
    case 'listItem':
      return (
        <li key={key}>
          {node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : null}
          {children(node)}
        </li>
      )
    case 'link':
      return isSafeLink(node.url) ? (
        <a key={key} href={node.url} target="_blank" rel="noreferrer noopener">
          {children(node)}
        </a>
      ) : (
        <span key={key}>{children(node)}</span>
      )
    case 'image':
      return <span key={key}>{node.alt ?? ''}</span>
    case 'break':
      return <br key={key} />
    case 'thematicBreak':
      return <hr key={key} />
    case 'html':
      return <code key={key}>{node.value}</code>
    case 'table':
      return (
        <table key={key}>
          <tbody>{children(node)}</tbody>
        </table>
      )
    case 'tableRow':
      return <tr key={key}>{children(node)}</tr>
    case 'tableCell':
      return <td key={key}>{children(node)}</td>
    default:
      return 'value' in node && typeof node.value === 'string' ? (
        node.value
      ) : (
        <span key={key}>{children(node)}</span>
      )
  }
}
