import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { MarkdownNote } from './MarkdownNote'

function render(text: string): HTMLElement {
  const host = document.createElement('div')
  document.body.append(host)
  act(() => createRoot(host).render(<MarkdownNote text={text} />))
  return host
}

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

describe('detail/MarkdownNote', () => {
  it('renders Markdown structure as elements', () => {
    const host = render(
      '# Idea\n\n**bold** and _it_\n\n- one\n- two\n\n[site](https://example.org)',
    )
    expect(host.querySelector('strong')?.textContent).toBe('bold')
    expect(host.querySelectorAll('li')).toHaveLength(2)
    const link = host.querySelector('a')
    expect(link?.getAttribute('href')).toBe('https://example.org')
    expect(link?.getAttribute('rel')).toContain('noopener')
  })

  it('shows raw HTML as text and drops unsafe links', () => {
    const host = render(
      '<img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n[x](javascript:alert(3))',
    )
    expect(host.querySelector('img')).toBeNull()
    expect(host.querySelector('script')).toBeNull()
    expect(host.textContent).toContain('<img src=x onerror="alert(1)">')
    expect(host.querySelector('a')).toBeNull()
  })
})
