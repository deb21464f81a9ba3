import { readFileSync } from 'node:fs'

/**
 * A process as it can be recognised later: its id and, where the system says, when it started,
 * so a recycled pid is not mistaken for the process that wrote a lock or started a run.
 */
export type ProcessIdentity = { pid: number; startedAt: string | null }

/** This process. */
export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startedAt: processStartTime(process.pid) }
}

/** True while the process `identity` names still runs (the same one, not a later one with its pid). */
export function isProcessAlive(identity: ProcessIdentity): boolean {
  if (!Number.isInteger(identity.pid) || identity.pid <= 0) return false
  try {
    process.kill(identity.pid, 0)
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still makes it alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (identity.startedAt === null) return true
  const now = processStartTime(identity.pid)
  return now === null || now === identity.startedAt
}

/** `pid:startedAt`, the form stored in the database. */
export function identityText(identity: ProcessIdentity): string {
  return `${identity.pid}:${identity.startedAt ?? ''}`
}

/** The inverse of `identityText`; null for anything else. */
export function parseIdentityText(text: string): ProcessIdentity | null {
  const match = /^(\d+):(\d*)$/.exec(text)
  if (!match) return null
  return { pid: Number(match[1]), startedAt: match[2] === '' ? null : (match[2] ?? null) }
}

/**
 * The start time of a process in clock ticks since boot (field 22 of Linux's /proc/PID/stat);
 * null where there is no /proc. The command name (field 2) may hold spaces and parentheses,
 * so the fields are counted after its last ')'.
 */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}
