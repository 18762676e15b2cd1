import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuOptions {
  isMac: boolean
  /** Development builds keep reload and the developer tools; the shipped app does not. */
  isDev: boolean
  mode: 'sandbox' | 'real'
  canSwitchMode: boolean
  /** Switches between sample data and the user's own data (the app restarts). */
  onSwitchMode: () => void
}

/** The platform's standard menus plus the switch in and out of sample data. */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const sampleData: MenuItemConstructorOptions = {
    id: 'switch-mode',
    label: options.mode === 'sandbox' ? 'Leave Sample Data' : 'Try with Sample Data',
    enabled: options.canSwitchMode,
    click: () => options.onSwitchMode(),
  }
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (options.isDev) {
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' })
  }
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        sampleData,
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ]
}
