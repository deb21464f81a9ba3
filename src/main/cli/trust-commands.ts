import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/api/errors'
import { restoreLibraryFolder } from '../core/backup/restore-library'
import { listSnapshots, pruneSnapshots, snapshotPath } from '../core/backup/snapshot-files'
import { backupDatabaseTo } from '../core/backup/take-snapshot'
import { DATABASE_FILE } from '../core/create-core'
import { UsageError } from './cli-io'
import { EXPORT_FORMATS } from '@shared/api/curation-api'
import { oneOf, print, type Command, type CommandContext } from './command'
import { exportPapersCommand, writeOutput } from './curation-commands'

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`

/** Imports a whole-library document into the (empty) library and prints what it recreated. */
export async function importLibraryDocumentCommand(
  ctx: CommandContext,
  text: string,
  name: string,
): Promise<number> {
  const report = await ctx.api.importLibrary({ text, sourceName: name })
  return print(
    ctx,
    report,
    () =>
      `Recreated the library from ${name}: ${report.papers} papers, ${report.tags} tags, ${report.sources} sources, ${report.lists} lists.`,
  )
}

/** `backup`, `backups`, `restore` and `export`: the ways out of and back into a library. */
export const TRUST_COMMANDS: Record<string, Command> = {
  backup: {
    usage: 'backup [--to FILE]',
    summary: 'snapshot the library (into its backups folder, or to FILE)',
    withoutLibrary: true,
    run: async (ctx) => {
      const source = join(ctx.dataDir, DATABASE_FILE)
      const target =
        ctx.flags.to === undefined
          ? snapshotPath(ctx.dataDir, new Date(), 'manual')
          : resolve(ctx.io.cwd, ctx.flags.to)
      let db: Database.Database
      try {
        db = new Database(source, { readonly: true, fileMustExist: true })
      } catch {
        throw new AppError('not-found', `There is no library at ${ctx.dataDir}.`)
      }
      try {
        const check = db.pragma('quick_check', { simple: true })
        if (check !== 'ok') {
          throw new AppError(
            'db-corrupt',
            `${source} is damaged (quick_check: ${String(check)}); a backup of it would not help. Restore a snapshot: papershelf backups, then papershelf restore FILE.`,
          )
        }
        await backupDatabaseTo(db, target)
      } finally {
        db.close()
      }
      if (ctx.flags.to === undefined) pruneSnapshots(ctx.dataDir)
      return print(ctx, { file: target }, () => `Backed up ${source} to ${target}.`)
    },
  },
  backups: {
    usage: 'backups',
    summary: "list the library's snapshots, newest first",
    withoutLibrary: true,
    run: (ctx) => {
      const snapshots = listSnapshots(ctx.dataDir).map(({ file, takenAt, size, reason }) => ({
        file,
        takenAt,
        size,
        reason,
      }))
      return Promise.resolve(
        print(ctx, snapshots, () =>
          snapshots.length === 0
            ? 'No snapshots yet (papershelf backup takes one).'
            : snapshots
                .map(
                  (s) =>
                    `${s.takenAt}  ${s.reason.padEnd(13)} ${kb(s.size).padStart(9)}  ${s.file}`,
                )
                .join('\n'),
        ),
      )
    },
  },
  restore: {
    usage: 'restore <file>',
    summary: 'replace the library with a backup (the current one is snapshotted first)',
    withoutLibrary: true,
    run: async (ctx) => {
      const file = ctx.args[0]
      if (!file) {
        throw new UsageError(
          'name the backup file to restore (papershelf backups lists the snapshots)',
        )
      }
      const source = resolve(ctx.io.cwd, file)
      // The owner swaps the file under its own connection; replaced behind its back, it would
      // keep writing to the old one.
      const report = ctx.owner
        ? await ctx.api.restoreBackup({ file: source })
        : await restoreLibraryFolder(
            { dataDir: ctx.dataDir, databasePath: join(ctx.dataDir, DATABASE_FILE) },
            source,
            new Date(),
          )
      return print(ctx, report, () =>
        [
          `Restored ${report.restoredFrom}: ${report.paperCount} papers (schema ${report.schemaVersion}).`,
          report.safetySnapshot
            ? `The library as it was is kept in ${report.safetySnapshot}.`
            : null,
          report.movedAside ? `The damaged library file is kept as ${report.movedAside}.` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      )
    },
  },
  export: {
    usage: `export --format json|${EXPORT_FORMATS.join('|')} [<paper>...|--tag T|--list L|--search S|--source N] [--keywords] [--abstracts] [--to FILE]`,
    summary:
      'write the whole library as JSON, or papers as BibTeX, BibLaTeX, CSL-JSON, RIS or an awesome list',
    run: async (ctx) => {
      const format = oneOf('--format', ctx.flags.format, ['json', ...EXPORT_FORMATS] as const)
      if (!format) throw new UsageError(`give --format json or one of ${EXPORT_FORMATS.join(', ')}`)
      if (format !== 'json') return exportPapersCommand(ctx, format)
      const doc = await ctx.api.exportLibrary({})
      return writeOutput(ctx, `${JSON.stringify(doc, null, 1)}\n`, `${doc.papers.length} papers`)
    },
  },
}
