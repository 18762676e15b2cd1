export interface ShortcutHelp {
  keys: string[]
  description: string
}

export const SHORTCUTS: ShortcutHelp[] = [
  { keys: ['/'], description: 'Filter the loaded results' },
  { keys: ['j'], description: 'Next result' },
  { keys: ['k'], description: 'Previous result' },
  { keys: ['x'], description: 'Check or uncheck the current result' },
  { keys: ['Enter'], description: 'Open the current result' },
  { keys: ['s'], description: 'Add the checked (or current) creators to a list' },
  { keys: ['r'], description: 'Get the detailed report (asks before spending)' },
  { keys: ['e'], description: 'Find the email (asks before spending)' },
  { keys: ['Ctrl', 'K'], description: 'Command palette (⌘K on macOS)' },
  { keys: ['?'], description: 'Show this list' },
  { keys: ['Esc'], description: 'Close the dialog or profile' },
]
