import type { CliIo } from '../../src/main/cli/cli-io'
import { runCli } from '../../src/main/cli/run-cli'

/** What one CLI run printed and returned. */
export type CliResult = { code: number; stdout: string; stderr: string }

/** Runs the CLI in-process against a library folder, capturing what it prints. */
export async function runCliCaptured(
  library: string,
  args: string[],
  stdin = '',
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Promise.resolve(Buffer.from(stdin)),
    env: {},
    cwd: library,
  }
  const code = await runCli([...args, '--library', library], io)
  return { code, stdout, stderr }
}
