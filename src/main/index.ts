import { runElectronApp } from './electron/run-app'

// The Electron entry stays a one-liner: everything it wires is unit-tested on its own.
runElectronApp()
