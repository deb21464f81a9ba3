/** Every action a key or the command palette can run. */
export const COMMAND_IDS = [
  'focus-search',
  'next-paper',
  'previous-paper',
  'move-up-in-list',
  'move-down-in-list',
  'open-paper',
  'edit-tags',
  'toggle-star',
  'cycle-status',
  'toggle-select',
  'select-all',
  'clear-selection',
  'show-shortcuts',
  'command-palette',
  'undo',
  'mark-read',
  'mark-unread',
  'mark-reading',
  'add-source',
  'import',
  'new-tag',
  'new-list',
  'toggle-theme',
  'view-new',
  'view-all',
  'view-unread',
  'view-reading',
  'view-read',
  'view-starred',
  'sort-added',
  'sort-published',
  'sort-title',
  'sort-upvotes',
  'sort-list',
  'read-pdf',
  'make-offline',
  'make-view-offline',
  'pdf-storage',
  'triage-keep',
  'triage-dismiss',
  'triage-delete',
  'triage-undelete',
  'read-later',
  'dismiss-rest',
  'empty-trash',
  'view-inbox',
  'view-dismissed',
  'view-trash',
  'browser-extensions',
  'export-annotations',
  'export-view-annotations',
  'find-duplicates',
  'auto-exports',
] as const
export type CommandId = (typeof COMMAND_IDS)[number]

/** A key as the map sees it. */
export type KeyPress = {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** One binding: its keys as shown to the user, a matcher, and what it runs. */
export type Shortcut = { keys: ReadonlyArray<string>; command: CommandId; description: string }

/** The keyboard map, in the order the help sheet lists it. */
export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['/', 'Ctrl+K'], command: 'focus-search', description: 'Search the library' },
  { keys: ['j', '↓'], command: 'next-paper', description: 'Next paper' },
  { keys: ['k', '↑'], command: 'previous-paper', description: 'Previous paper' },
  {
    keys: ['Alt+↑'],
    command: 'move-up-in-list',
    description: 'Move the paper up in a list (in List order)',
  },
  {
    keys: ['Alt+↓'],
    command: 'move-down-in-list',
    description: 'Move the paper down in a list (in List order)',
  },
  { keys: ['Enter', 'o'], command: 'open-paper', description: 'Open the paper' },
  { keys: ['t'], command: 'edit-tags', description: 'Tag the paper' },
  { keys: ['s'], command: 'toggle-star', description: 'Star or unstar' },
  { keys: ['r'], command: 'cycle-status', description: 'Cycle status: unread → reading → read' },
  { keys: ['a'], command: 'triage-keep', description: 'Keep: move to the library' },
  { keys: ['d'], command: 'triage-dismiss', description: 'Dismiss: hide it for good' },
  { keys: ['Delete', '#'], command: 'triage-delete', description: 'Delete: move to the trash' },
  { keys: ['l'], command: 'read-later', description: 'Keep to read later (status reading)' },
  { keys: ['x'], command: 'toggle-select', description: 'Select or deselect the paper' },
  { keys: ['Ctrl+A'], command: 'select-all', description: 'Select every paper in the view' },
  { keys: ['Esc'], command: 'clear-selection', description: 'Clear the selection' },
  { keys: ['Ctrl+Z'], command: 'undo', description: 'Undo the last change' },
  { keys: ['?'], command: 'show-shortcuts', description: 'Show keyboard shortcuts' },
  { keys: ['Ctrl+Shift+P'], command: 'command-palette', description: 'Command palette' },
]

/** The reader's keys (it owns the keyboard while open), as the help sheet lists them. */
export const READER_SHORTCUTS: ReadonlyArray<Omit<Shortcut, 'command'>> = [
  { keys: ['→', 'PageDown', 'n'], description: 'Next page' },
  { keys: ['←', 'PageUp', 'p'], description: 'Previous page' },
  { keys: ['+', '−'], description: 'Zoom in / out' },
  { keys: ['Ctrl+0'], description: 'Fit width' },
  { keys: ['Ctrl+F'], description: 'Find in the document (Enter: next, Shift+Enter: previous)' },
  { keys: ['Esc'], description: 'Close the find bar, then the reader' },
]

const isMod = (press: KeyPress) => press.ctrlKey || press.metaKey

/**
 * The command a key runs, or null. In a text field only the global chords work (Ctrl+K,
 * Ctrl+Shift+P, Escape), so typing `j` or `/` into a field types it.
 */
export function commandForKey(press: KeyPress, inTextField: boolean): CommandId | null {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  if (isMod(press) && press.shiftKey && key === 'p') return 'command-palette'
  if (isMod(press) && !press.shiftKey && key === 'k') return 'focus-search'
  if (inTextField) return null
  if (press.key === 'Escape') return 'clear-selection'
  if (isMod(press) && !press.shiftKey && key === 'a') return 'select-all'
  if (isMod(press) && !press.shiftKey && key === 'z') return 'undo'
  if (press.altKey && !isMod(press) && !press.shiftKey) {
    if (press.key === 'ArrowUp') return 'move-up-in-list'
    if (press.key === 'ArrowDown') return 'move-down-in-list'
  }
  if (isMod(press) || press.altKey) return null
  switch (press.key) {
    case '/':
      return 'focus-search'
    case '?':
      return 'show-shortcuts'
    case 'ArrowDown':
    case 'j':
      return 'next-paper'
    case 'ArrowUp':
    case 'k':
      return 'previous-paper'
    case 'Enter':
      return 'open-paper'
    case 't':
      return 'edit-tags'
    case 's':
      return 'toggle-star'
    case 'r':
      return 'cycle-status'
    case 'x':
      return 'toggle-select'
    case 'a':
      return 'triage-keep'
    case 'd':
      return 'triage-dismiss'
    case 'Delete':
    case '#':
      return 'triage-delete'
    case 'l':
      return 'read-later'
    case 'o':
      return 'open-paper'
    default:
      return null
  }
}

/** The keys shown for a command in the palette and help sheet. */
export function keysFor(command: CommandId): ReadonlyArray<string> {
  return SHORTCUTS.find((shortcut) => shortcut.command === command)?.keys ?? []
}
