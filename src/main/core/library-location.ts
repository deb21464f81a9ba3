import { isAbsolute, join, resolve } from 'node:path'

/** The application name that names the user-data folder, as Electron's `app.getPath('userData')` does. */
export const APP_NAME = 'Papershelf'

/** What the library folder depends on, injected so the rule is testable on any OS. */
export type LocationInputs = {
  /** An explicit `--library DIR`, if given. */
  libraryFlag?: string | undefined
  env: Readonly<Record<string, string | undefined>>
  platform: NodeJS.Platform
  homedir: string
  cwd: string
}

/**
 * The library folder: `--library DIR`, else `PAPERSHELF_HOME`, else the folder Electron's
 * `app.getPath('userData')` gives for "Papershelf", so the app and the CLI share one library.
 */
export function resolveLibraryDir(inputs: LocationInputs): string {
  const explicit = inputs.libraryFlag?.trim() || inputs.env['PAPERSHELF_HOME']?.trim()
  if (explicit) return isAbsolute(explicit) ? explicit : resolve(inputs.cwd, explicit)
  return join(userDataBase(inputs), APP_NAME)
}

/** Electron's `appData` folder for each platform. */
function userDataBase({ env, platform, homedir }: LocationInputs): string {
  if (platform === 'win32') return env['APPDATA'] || join(homedir, 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support')
  return env['XDG_CONFIG_HOME'] || join(homedir, '.config')
}
