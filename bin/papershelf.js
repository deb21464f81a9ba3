#!/usr/bin/env node
// The `papershelf` command runs the built CLI bundle (`npm run build` makes it).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write(
    'papershelf: the CLI is not built yet; run `npm run build` in the Papershelf folder.\n',
  )
  process.exit(1)
}
await import(cli)
