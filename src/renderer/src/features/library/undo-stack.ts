/** One undoable change: what to call it, and how to take it back. */
export type UndoEntry = { label: string; undo: () => Promise<void> }

/** Undoable changes, newest last. */
export type UndoStack = ReadonlyArray<UndoEntry>

/** How many changes can be undone in a row. */
export const UNDO_LIMIT = 50

/** The stack with `entry` on top (the oldest falls off past the limit). */
export function pushUndo(stack: UndoStack, entry: UndoEntry, limit = UNDO_LIMIT): UndoStack {
  const next = [...stack, entry]
  return next.length > limit ? next.slice(next.length - limit) : next
}

/** The newest entry and the stack without it; `entry` is null when there is nothing to undo. */
export function popUndo(stack: UndoStack): { entry: UndoEntry | null; rest: UndoStack } {
  const entry = stack.at(-1) ?? null
  return { entry, rest: entry ? stack.slice(0, -1) : stack }
}
