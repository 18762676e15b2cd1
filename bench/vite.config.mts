import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Builds the benchmark runner for plain Node (`npm run bench`), as the browser preview is built:
 * an SSR bundle whose dependencies stay in node_modules, so better-sqlite3 loads its Node addon.
 */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve(here, 'run.ts'),
    outDir: resolve(here, '../out/bench'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      output: { format: 'cjs', entryFileNames: 'run.js' },
    },
  },
})
