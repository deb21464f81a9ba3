import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const alias = { '@shared': resolve('src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // index: the Electron entry; cli: the `papershelf` command (also serves the browser door).
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli/main.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        // A sandboxed preload cannot load ES modules: emit one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias },
    plugins: [react()],
  },
})
