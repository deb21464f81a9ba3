// Command-line reading for the desktop app, kept free of 'electron' so it is unit-tested.

/** The folder given with `--library DIR` or `--library=DIR`, if any (the last one wins). */
export function libraryFlagFromArgv(argv: ReadonlyArray<string>): string | undefined {
  let found: string | undefined
  argv.forEach((arg, index) => {
    if (arg.startsWith('--library=')) found = arg.slice('--library='.length)
    else if (arg === '--library') {
      const next = argv[index + 1]
      if (next !== undefined && !next.startsWith('--')) found = next
    }
  })
  return found?.trim() ? found : undefined
}
