import { keysFor, type CommandId } from '../shortcuts/shortcut-map'
import type { PaletteCommand } from './command-search'

/** A command the palette offers. */
export type AppCommand = PaletteCommand & { id: CommandId }

/** Titles of every command, in the palette's order. */
export const COMMAND_TITLES: Record<CommandId, string> = {
  'focus-search': 'Search the library',
  'next-paper': 'Next paper',
  'previous-paper': 'Previous paper',
  'move-up-in-list': 'Move the paper up in the list',
  'move-down-in-list': 'Move the paper down in the list',
  'open-paper': 'Open the paper',
  'read-pdf': 'Read the PDF',
  'make-offline': 'Make the paper (or selection) available offline',
  'make-view-offline': 'Make this tag, list or source available offline',
  'pdf-storage': 'PDF storage…',
  'browser-extensions': 'Browser extensions…',
  'export-annotations': 'Export the annotations of the paper (or selection) as Markdown',
  'export-view-annotations': 'Export the annotations of this tag or list as Markdown',
  'find-duplicates': 'Find duplicates…',
  'auto-exports': 'Auto-exports…',
  'edit-tags': 'Tag the paper…',
  'toggle-star': 'Star or unstar',
  'cycle-status': 'Cycle reading status',
  'mark-read': 'Mark as read',
  'mark-unread': 'Mark as unread',
  'mark-reading': 'Mark as reading',
  'toggle-select': 'Select or deselect the paper',
  'select-all': 'Select all papers in the view',
  'clear-selection': 'Clear the selection',
  undo: 'Undo the last change',
  'add-source': 'Add a source…',
  import: 'Import papers…',
  'new-tag': 'New tag…',
  'new-list': 'New list…',
  'toggle-theme': 'Switch light/dark theme',
  'view-new': 'Go to: New since last visit',
  'view-all': 'Go to: All papers',
  'view-unread': 'Go to: Unread',
  'view-reading': 'Go to: Reading',
  'view-read': 'Go to: Read',
  'view-starred': 'Go to: Starred',
  'sort-added': 'Sort by date added',
  'sort-published': 'Sort by date published',
  'sort-title': 'Sort by title',
  'sort-upvotes': 'Sort by upvotes',
  'sort-list': 'Sort by list order',
  'triage-keep': 'Keep: move to the library',
  'triage-dismiss': 'Dismiss',
  'triage-delete': 'Delete: move to the trash',
  'triage-undelete': 'Restore from the trash',
  'read-later': 'Keep to read later',
  'dismiss-rest': 'Dismiss the rest of the inbox',
  'empty-trash': 'Empty the trash…',
  'view-inbox': 'Go to: Inbox',
  'view-dismissed': 'Go to: Dismissed',
  'view-trash': 'Go to: Trash',
  'show-shortcuts': 'Show keyboard shortcuts',
  'command-palette': 'Command palette',
}

/** Every command but the palette itself, with its title and keys. */
export const APP_COMMANDS: ReadonlyArray<AppCommand> = (Object.keys(COMMAND_TITLES) as CommandId[])
  .filter((id) => id !== 'command-palette')
  .map((id) => ({ id, title: COMMAND_TITLES[id], keys: keysFor(id) }))
