import type { PreloadBridge } from '@shared/rpc/protocol'

declare global {
  // Only an interface can extend the global Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** The Electron preload bridge; absent when the page runs in a browser. */
    papershelf?: PreloadBridge
  }
}
