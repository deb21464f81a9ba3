import { useMemo, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { searchCommands, type PaletteCommand } from '../commands/command-search'

/** Ctrl+Shift+P: every action, found by typing. */
export function CommandPalette({
  commands,
  onRun,
  onClose,
}: {
  commands: ReadonlyArray<PaletteCommand>
  onRun: (id: string) => void
  onClose: () => void
}) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const found = useMemo(() => searchCommands(commands, query), [commands, query])
  const run = (id: string | undefined) => {
    if (id === undefined) return
    onClose()
    onRun(id)
  }
  return (
    <Dialog title="Command palette" onClose={onClose}>
      <input
        className="palette__input"
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        placeholder="Type a command…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setActive(Math.min(active + 1, found.length - 1))
          } else if (event.key === 'ArrowUp') {
            event.preventDefault()
            setActive(Math.max(active - 1, 0))
          } else if (event.key === 'Enter') {
            event.preventDefault()
            run(found[active]?.id)
          }
        }}
      />
      <ul id="palette-list" className="palette__list" role="listbox" aria-label="Commands">
        {found.map((command, index) => (
          <li
            key={command.id}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : ''}
            onMouseDown={(event) => {
              event.preventDefault()
              run(command.id)
            }}
          >
            <span>{command.title}</span>
            <span className="palette__keys">
              {command.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
