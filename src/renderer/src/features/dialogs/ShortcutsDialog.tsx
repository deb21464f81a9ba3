import { Dialog } from '../../components/Dialog'
import { READER_SHORTCUTS, SHORTCUTS } from '../shortcuts/shortcut-map'

/** Every keyboard shortcut: the library's, then the reader's. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const sections = [
    { title: 'Library', rows: SHORTCUTS },
    { title: 'PDF reader', rows: READER_SHORTCUTS },
  ]
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      {sections.map((section) => (
        <table key={section.title} className="shortcuts" aria-label={section.title}>
          <caption>{section.title}</caption>
          <tbody>
            {section.rows.map((shortcut) => (
              <tr key={shortcut.description}>
                <td>
                  {shortcut.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Dialog>
  )
}
