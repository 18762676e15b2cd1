import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      '**/.scratch/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'docs/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'tests/main/**',
      'tests/e2e/**',
      'tests/helpers/**',
      'scripts/**',
      'bench/**',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The renderer is a sandboxed web page: no Node globals, no Node built-ins.
    files: ['src/renderer/**', 'tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'electron',
            'better-sqlite3',
            'kysely',
            '**/main/**',
            '**/preload/**',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'global'],
    },
  },
  {
    files: ['src/main/**', 'src/shared/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    // The preload runs before every window load: it may import Electron's bridge, the channel
    // names and types, nothing else (one schema import would pull zod into it again).
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./shared/channel-names$|\\.\\./shared/api$)',
              message: 'The preload imports only electron, ../shared/channel-names and types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
)
