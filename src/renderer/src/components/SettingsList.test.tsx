import { act, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsList } from './SettingsList'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

/** A list of names that removes a name when its removal is confirmed. */
function Names({ initial, confirm }: { initial: ReadonlyArray<string>; confirm: boolean }) {
  const [names, setNames] = useState(initial)
  return (
    <SettingsList
      label="Names"
      entries={names.map((name) => ({
        key: name,
        facts: <span>{name}</span>,
        actions: <button type="button">Open {name}</button>,
        remove: {
          label: 'Remove',
          name: `Remove ${name}`,
          ...(confirm
            ? { confirm: { label: 'Confirm remove', name: `Confirm: remove ${name}` } }
            : {}),
          onRemove: () => setNames((all) => all.filter((other) => other !== name)),
        },
      }))}
      empty="No names."
      emptyTestId="names-empty"
    />
  )
}

const hosts: HTMLElement[] = []

function render(node: React.ReactNode): HTMLElement {
  const host = document.createElement('div')
  document.body.append(host)
  hosts.push(host)
  act(() => createRoot(host).render(node))
  return host
}

const button = (host: HTMLElement, name: string) => {
  const found = host.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)
  if (!found) throw new Error(`no button named ${name}`)
  return found
}

/** Presses a button with the focus on it, as Enter or a click does. */
function press(target: HTMLButtonElement) {
  target.focus()
  act(() => target.click())
}

afterEach(() => {
  for (const host of hosts.splice(0)) host.remove()
})

describe('components/SettingsList', () => {
  it('names the list and shows each entry with its facts and buttons', () => {
    const host = render(<Names initial={['ada', 'bob']} confirm={false} />)
    const list = host.querySelector('ul')
    expect(list?.getAttribute('aria-label')).toBe('Names')
    expect([...host.querySelectorAll('li')].map((row) => row.textContent)).toEqual([
      'adaOpen adaRemove',
      'bobOpen bobRemove',
    ])
  })

  it('says it is loading while there are no entries yet, and what an empty list means', () => {
    const loading = render(<SettingsList label="Names" entries={null} empty="No names." />)
    expect(loading.textContent).toBe('Loading…')
    const empty = render(
      <SettingsList label="Names" heading entries={[]} empty="No names." emptyTestId="none" />,
    )
    expect(empty.querySelector('section')?.getAttribute('aria-label')).toBe('Names')
    expect(empty.querySelector('h3')?.textContent).toBe('Names')
    expect(empty.querySelector('[data-testid="none"]')?.textContent).toBe('No names.')
  })

  it('asks once more before a confirmed removal, one row at a time', () => {
    const host = render(<Names initial={['ada', 'bob']} confirm />)
    press(button(host, 'Remove ada'))
    expect(button(host, 'Confirm: remove ada').className).toContain('danger')
    press(button(host, 'Remove bob'))
    expect(host.querySelector('button[aria-label="Confirm: remove ada"]')).toBeNull()
    press(button(host, 'Confirm: remove bob'))
    expect(host.querySelectorAll('li')).toHaveLength(1)
  })

  it('moves the focus to the row that took the removed one’s place, then the one before', () => {
    const host = render(<Names initial={['ada', 'bob', 'cy']} confirm={false} />)
    press(button(host, 'Remove bob'))
    expect(document.activeElement).toBe(button(host, 'Remove cy'))
    press(button(host, 'Remove cy'))
    expect(document.activeElement).toBe(button(host, 'Remove ada'))
  })

  it('gives the focus to the empty message when the last row goes', () => {
    const host = render(<Names initial={['ada']} confirm />)
    press(button(host, 'Remove ada'))
    press(button(host, 'Confirm: remove ada'))
    expect(document.activeElement).toBe(host.querySelector('[data-testid="names-empty"]'))
  })

  it('leaves the focus where the user took it while a removal was on its way', () => {
    const list = (names: ReadonlyArray<string>) => (
      <>
        <input aria-label="Elsewhere" />
        <SettingsList
          label="Names"
          entries={names.map((name) => ({
            key: name,
            facts: name,
            remove: { label: 'Remove', name: `Remove ${name}`, onRemove: () => {} },
          }))}
        />
      </>
    )
    const host = document.createElement('div')
    document.body.append(host)
    hosts.push(host)
    const root = createRoot(host)
    act(() => root.render(list(['ada', 'bob'])))
    press(button(host, 'Remove ada'))
    const elsewhere = host.querySelector('input')
    elsewhere?.focus()
    act(() => root.render(list(['bob'])))
    expect(document.activeElement).toBe(elsewhere)
  })
})
