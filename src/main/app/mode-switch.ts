import type { ModeSwitch } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { writeLaunchMode } from './app-mode'
import type { AppMode } from './app-mode'

/**
 * "Try with sample data" and back. The choice is remembered beside the databases and applies at
 * the next start, because each mode has its own database and providers: nothing is swapped
 * under a running window. `SANDBOX` in the environment decides for the run, so it is refused
 * rather than silently ignored.
 */
export function createModeSwitch(options: {
  baseDataDir: string
  current: AppMode
  env: Record<string, string | undefined>
  restart?: () => void
}): (mode: AppMode) => Promise<ModeSwitch> {
  return (mode) => {
    if (options.env.SANDBOX !== undefined) {
      return Promise.reject(
        new AppError(
          'PRECONDITION',
          'This run was started with SANDBOX set, which fixes the mode. To switch, stop Creator Desk (in the browser preview: Ctrl+C in its terminal), start it again without SANDBOX, then reload this page.',
        ),
      )
    }
    writeLaunchMode(options.baseDataDir, mode)
    if (mode === options.current) {
      return Promise.resolve({ mode, restarting: false, message: 'Already in this mode.' })
    }
    if (options.restart === undefined) {
      const next = mode === 'sandbox' ? 'sample data' : 'your own data'
      return Promise.resolve({
        mode,
        restarting: false,
        message: `Restart Creator Desk to switch to ${next}: stop the browser preview (Ctrl+C in the terminal running \`npm run preview:browser\`), start it again and open the address it prints. Your choice is remembered.`,
      })
    }
    options.restart()
    return Promise.resolve({ mode, restarting: true, message: 'Restarting…' })
  }
}
