/**
 * Unicode's invisible direction controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), and the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F,
 * U+061C). Text from strangers (creator names, handles, bios) can use them to disguise itself:
 * "\u202Egnp.exe" reads as "exe.png", a handle can be made to look like another, and an
 * unterminated override flips the rest of the line or CSV row around it.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
// Not global, so test() keeps no state between calls. Asking first keeps the common case (no
// control at all) cheap in a 100,000-row export.
const HAS_BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

/**
 * The text without direction controls, for display and export. Stripping rather than isolating:
 * the text is then shown in its real, logical order, and the characters' own directions still
 * lay out Arabic or Hebrew correctly. Pure, so main and the renderer share it.
 */
export function safeText(text: string): string
export function safeText(text: string | null): string | null
export function safeText(text: string | null | undefined): string | null | undefined
export function safeText(text: string | null | undefined): string | null | undefined {
  return typeof text === 'string' && HAS_BIDI_CONTROL.test(text)
    ? text.replace(BIDI_CONTROLS, '')
    : text
}
