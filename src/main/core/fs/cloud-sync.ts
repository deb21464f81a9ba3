import { realpathSync } from 'node:fs'

type SyncFolderRule = { service: string; matches: (segment: string) => boolean }

const named =
  (...names: string[]) =>
  (segment: string) =>
    names.includes(segment.toLowerCase())

// Folder names the sync clients create (Windows, macOS incl. ~/Library/CloudStorage, Linux).
const RULES: ReadonlyArray<SyncFolderRule> = [
  { service: 'Dropbox', matches: (s) => /^dropbox( \(.+\))?$/i.test(s) },
  { service: 'OneDrive', matches: (s) => /^onedrive( - .+)?$/i.test(s) },
  { service: 'iCloud Drive', matches: named('mobile documents', 'icloud drive', 'iclouddrive') },
  {
    service: 'Google Drive',
    matches: named('google drive', 'my drive', 'googledrive'),
  },
  // Case-sensitive: a lowercase `box` folder is too common to mean Box.
  { service: 'Box', matches: (s) => s === 'Box' || s === 'Box Sync' },
  { service: 'pCloud', matches: named('pcloud', 'pcloud drive', 'pclouddrive') },
  { service: 'Nextcloud', matches: named('nextcloud') },
  { service: 'ownCloud', matches: named('owncloud') },
]

/** The sync service whose folder holds `path` (by the folder names its client uses), or null. */
export function cloudSyncService(path: string): string | null {
  const segments = path.split(/[\\/]+/).filter((segment) => segment !== '')
  for (const segment of segments) {
    const rule = RULES.find((candidate) => candidate.matches(segment))
    if (rule) return rule.service
  }
  // macOS puts every File Provider client in ~/Library/CloudStorage/<Provider>-<account>.
  const at = segments.findIndex((s, i) => s === 'CloudStorage' && segments[i - 1] === 'Library')
  const provider = at >= 0 ? segments[at + 1] : undefined
  if (provider === undefined) return null
  const name = provider.split('-')[0] ?? provider
  return RULES.find((rule) => rule.matches(name))?.service ?? 'a cloud storage provider'
}

/**
 * A warning for a library folder inside a cloud-sync folder, or null. Sync clients copy the
 * database while it is written and apart from its `-wal` file, which loses recent changes or
 * damages the library (the same advice Zotero and Paperlib give).
 */
export function cloudSyncWarning(path: string): string | null {
  const service = cloudSyncService(path)
  if (service === null) return null
  return (
    `The library folder ${path} is inside a folder synced by ${service}. Sync clients copy ` +
    'library.sqlite while Papershelf writes it and apart from its library.sqlite-wal file, which ' +
    'can lose recent changes or damage the library. Move the library folder out of the synced ' +
    'folder; to keep a copy there, write one with: papershelf backup --to FILE.'
  )
}

/** `cloudSyncWarning` for a folder as the file system resolves it (a link into a synced folder counts). */
export function libraryFolderWarning(dataDir: string): string | null {
  let resolved = dataDir
  try {
    resolved = realpathSync(dataDir)
  } catch {
    // A folder that cannot be resolved is judged by the path it was given.
  }
  return cloudSyncWarning(resolved) ?? cloudSyncWarning(dataDir)
}
