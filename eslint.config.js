// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronOnly = {
  paths: [
    { name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' },
  ],
}
const nodeOnly = {
  patterns: [
    { group: ['node:*'], message: 'Node built-ins belong to the main process.' },
    { group: ['better-sqlite3'], message: 'The database belongs to the main process.' },
    { group: ['**/main/**'], message: 'Talk to the core through the API client.' },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.electron-native/**', '.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Config files are loaded by their tools through a default export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      'src/main/core/**',
      'src/main/transport/**',
      'src/main/cli/**',
      'src/shared/**',
      'src/renderer/**',
    ],
    rules: { 'no-restricted-imports': ['error', electronOnly] },
  },
  {
    files: ['src/renderer/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { ...electronOnly, ...nodeOnly }] },
  },
  {
    // The browser extension: browser globals, no Node, no main-process code; shared code only.
    files: ['extension/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { ...electronOnly, ...nodeOnly }] },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Raw IPC lives only in the two adapter files.
    files: ['src/**'],
    ignores: [
      'src/main/electron/ipc-adapter.ts',
      'src/main/electron/start-app.ts',
      'src/preload/index.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message: 'Raw IPC belongs in the adapter files.',
        },
      ],
    },
  },
)
