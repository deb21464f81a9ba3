import { describe, expect, it } from 'vitest'
import { COMMAND_IDS, commandForKey, SHORTCUTS, type KeyPress } from './shortcut-map'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('shortcuts/shortcut-map', () => {
  it('maps the single keys of the list', () => {
    const keys: Array<[string, string]> = [
      ['/', 'focus-search'],
      ['j', 'next-paper'],
      ['ArrowDown', 'next-paper'],
      ['k', 'previous-paper'],
      ['ArrowUp', 'previous-paper'],
      ['Enter', 'open-paper'],
      ['t', 'edit-tags'],
      ['s', 'toggle-star'],
      ['r', 'cycle-status'],
      ['x', 'toggle-select'],
      ['?', 'show-shortcuts'],
      ['a', 'triage-keep'],
      ['d', 'triage-dismiss'],
      ['Delete', 'triage-delete'],
      ['#', 'triage-delete'],
      ['l', 'read-later'],
      ['o', 'open-paper'],
    ]
    for (const [key, command] of keys) expect(commandForKey(press(key), false)).toBe(command)
  })

  it('maps the chords, with Ctrl or Cmd', () => {
    expect(commandForKey(press('k', { ctrlKey: true }), false)).toBe('focus-search')
    expect(commandForKey(press('K', { metaKey: true }), false)).toBe('focus-search')
    expect(commandForKey(press('P', { ctrlKey: true, shiftKey: true }), false)).toBe(
      'command-palette',
    )
    expect(commandForKey(press('z', { ctrlKey: true }), false)).toBe('undo')
    expect(commandForKey(press('a', { metaKey: true }), false)).toBe('select-all')
  })

  it('lets text fields keep their typing, but not the global chords', () => {
    expect(commandForKey(press('j'), true)).toBeNull()
    expect(commandForKey(press('/'), true)).toBeNull()
    expect(commandForKey(press('a', { ctrlKey: true }), true)).toBeNull()
    expect(commandForKey(press('k', { ctrlKey: true }), true)).toBe('focus-search')
    expect(commandForKey(press('p', { ctrlKey: true, shiftKey: true }), true)).toBe(
      'command-palette',
    )
  })

  it('ignores keys with Alt and unknown keys', () => {
    expect(commandForKey(press('j', { altKey: true }), false)).toBeNull()
    expect(commandForKey(press('q'), false)).toBeNull()
  })

  it('lists only known commands, each once', () => {
    const commands = SHORTCUTS.map((shortcut) => shortcut.command)
    expect(new Set(commands).size).toBe(commands.length)
    for (const command of commands) expect(COMMAND_IDS).toContain(command)
  })
})
