import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate } from '../../../src/main/electron/app-menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ])
}

describe('application menu', () => {
  const base = { isMac: false, isDev: false, mode: 'real' as const, canSwitchMode: true }

  it('has the standard menus, and the app menu only on macOS', () => {
    const roles = (isMac: boolean) =>
      appMenuTemplate({ ...base, isMac, onSwitchMode: () => {} }).map((i) => i.role ?? i.label)
    expect(roles(false)).toEqual(['File', 'editMenu', 'View', 'windowMenu'])
    expect(roles(true)).toEqual(['appMenu', 'File', 'editMenu', 'View', 'windowMenu'])
  })

  it('offers sample data in real mode and leaving it in sandbox mode', () => {
    let switched = 0
    const item = (mode: 'real' | 'sandbox') =>
      flatten(appMenuTemplate({ ...base, mode, onSwitchMode: () => (switched += 1) })).find(
        (i) => i.id === 'switch-mode',
      )
    expect(item('real')?.label).toBe('Try with Sample Data')
    expect(item('sandbox')?.label).toBe('Leave Sample Data')
    ;(item('real')?.click as () => void)()
    expect(switched).toBe(1)
  })

  it('keeps developer tools out of the shipped app', () => {
    const roles = (isDev: boolean) =>
      flatten(appMenuTemplate({ ...base, isDev, onSwitchMode: () => {} })).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })
})
