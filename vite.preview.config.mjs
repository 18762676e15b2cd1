import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = dirname(fileURLToPath(import.meta.url))

/**
 * The browser preview's server (`npm run preview:browser`): the main-process services built for
 * plain Node. Dependencies stay in node_modules (SSR builds externalise them), so better-sqlite3
 * loads its Node-ABI addon here and the Electron-ABI copy is never involved.
 */
export default defineConfig({
  build: {
    ssr: resolve(root, 'src/main/preview/preview-cli.ts'),
    outDir: resolve(root, 'out/preview'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rolldownOptions: {
      output: { format: 'cjs', entryFileNames: 'preview-server.js' },
    },
  },
})
