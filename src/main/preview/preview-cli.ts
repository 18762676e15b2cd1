import { readyLine, runPreview } from './preview-main'

// The built preview's entry (`out/preview/preview-server.js`).
runPreview()
  .then((preview) => {
    console.log(readyLine(preview))
    const stop = () => {
      preview.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  .catch((err: unknown) => {
    console.error('The preview could not start:', err instanceof Error ? err.message : err)
    process.exit(1)
  })
