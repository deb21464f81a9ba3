import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliCaptured } from '../../../../test/helpers/run-cli-captured'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { cloudSyncService, cloudSyncWarning, libraryFolderWarning } from './cloud-sync'

describe('main/core/fs/cloud-sync', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it.each([
    ['/home/ann/Dropbox/Papershelf', 'Dropbox'],
    ['C:\\Users\\Ann\\Dropbox (Personal)\\Papershelf', 'Dropbox'],
    ['/Users/ann/Library/CloudStorage/Dropbox-Work/papers', 'Dropbox'],
    ['C:\\Users\\Ann\\OneDrive\\Documents\\Papershelf', 'OneDrive'],
    ['C:\\Users\\Ann\\OneDrive - Contoso Ltd\\Papershelf', 'OneDrive'],
    ['/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/Papershelf', 'iCloud Drive'],
    ['C:\\Users\\Ann\\iCloudDrive\\Papershelf', 'iCloud Drive'],
    ['/Volumes/GoogleDrive/My Drive/Papershelf', 'Google Drive'],
    ['/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.org/My Drive/lib', 'Google Drive'],
    ['C:\\Users\\Ann\\Google Drive\\Papershelf', 'Google Drive'],
    ['/Users/ann/Box/Papershelf', 'Box'],
    ['/Users/ann/Library/CloudStorage/Box-Box/Papershelf', 'Box'],
    ['/Users/ann/Library/CloudStorage/OneDrive-Personal/Papershelf', 'OneDrive'],
    ['P:\\pCloud Drive\\Papershelf', 'pCloud'],
    ['/home/ann/Nextcloud/Papershelf', 'Nextcloud'],
    ['/home/ann/ownCloud/Papershelf', 'ownCloud'],
    ['/Users/ann/Library/CloudStorage/SomeNewProvider/Papershelf', 'a cloud storage provider'],
  ])('names the sync service of %s', (path, service) => {
    expect(cloudSyncService(path)).toBe(service)
    expect(cloudSyncWarning(path)).toContain(path)
    expect(cloudSyncWarning(path)).toContain(`synced by ${service}`)
  })

  it.each([
    '/home/ann/.config/Papershelf',
    'C:\\Users\\Ann\\AppData\\Roaming\\Papershelf',
    '/Users/ann/Library/Application Support/Papershelf',
    '/home/ann/projects/box/Papershelf',
    '/home/ann/notes/dropbox-export/Papershelf',
    '/srv/data/my-drive-backup/Papershelf',
  ])('gives no warning for %s', (path) => {
    expect(cloudSyncWarning(path)).toBeNull()
  })

  it('says what goes wrong and the way out', () => {
    const warning = cloudSyncWarning('/home/ann/Dropbox/Papershelf') ?? ''
    expect(warning).toMatch(/library\.sqlite-wal/)
    expect(warning).toMatch(/Move the library folder out of the synced folder/)
    expect(warning).toMatch(/papershelf backup --to FILE/)
  })

  it('follows a link into a synced folder', () => {
    const root = tempDir()
    const synced = join(root, 'Dropbox', 'Papershelf')
    mkdirSync(synced, { recursive: true })
    const link = join(root, 'library-link')
    symlinkSync(synced, link, 'dir')
    expect(cloudSyncWarning(link)).toBeNull()
    expect(libraryFolderWarning(link)).toContain('synced by Dropbox')
  })

  it('reports the warning in libraryInfo only for a library in a synced folder', async () => {
    const root = tempDir()
    const risky = openCore(join(root, 'OneDrive', 'Papershelf')).api
    expect((await risky.libraryInfo({})).warning).toContain('synced by OneDrive')
    const safe = openCore(join(root, 'local', 'Papershelf')).api
    expect((await safe.libraryInfo({})).warning).toBeUndefined()
  })

  it('prints the warning in papershelf info', async () => {
    const root = tempDir()
    const risky = await runCliCaptured(join(root, 'Nextcloud', 'lib'), ['info'])
    expect(risky.code).toBe(0)
    expect(risky.stdout).toMatch(/^Warning: {2}The library folder .* synced by Nextcloud/m)
    const json = await runCliCaptured(join(root, 'Nextcloud', 'lib'), ['info', '--json'])
    const parsed = JSON.parse(json.stdout) as { warning?: string }
    expect(parsed.warning).toContain('synced by Nextcloud')
    const safe = await runCliCaptured(join(root, 'plain', 'lib'), ['info'])
    expect(safe.stdout).not.toMatch(/Warning/)
  })
})
