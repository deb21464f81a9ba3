/** What a CLI run reads and writes, injected so tests capture output without a child process. */
export type CliIo = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Buffer>
  env: Readonly<Record<string, string | undefined>>
  cwd: string
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    env: process.env,
    cwd: process.cwd(),
  }
}

/** A mistake in how the command was called (exit code 2, with usage). */
export class UsageError extends Error {
  override name = 'UsageError'
}
