import { describe, expect, it } from 'vitest'
import { APP_COMMANDS, COMMAND_TITLES } from './app-commands'
import { searchCommands } from './command-search'

describe('commands/command-search', () => {
  const commands = APP_COMMANDS

  it('lists every command but the palette itself for an empty query', () => {
    expect(searchCommands(commands, '')).toHaveLength(Object.keys(COMMAND_TITLES).length - 1)
  })

  it('finds a command by a typo-tolerant part of its title', () => {
    expect(searchCommands(commands, 'go starred')[0]?.id).toBe('view-starred')
    expect(searchCommands(commands, 'mark raed')[0]?.id).toBe('mark-read')
  })

  it('ranks the command every typed word starts a word of first', () => {
    expect(searchCommands(commands, 'sort pub')[0]?.id).toBe('sort-published')
    expect(searchCommands(commands, 'sort up')[0]?.id).toBe('sort-upvotes')
    expect(searchCommands(commands, 'go star')[0]?.id).toBe('view-starred')
  })

  it('shows the keys bound to a command', () => {
    expect(commands.find((command) => command.id === 'toggle-star')?.keys).toEqual(['s'])
  })
})
