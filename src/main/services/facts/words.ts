/**
 * Words as Modash matches them: `bio` is an exact-word match in the bio and name, `keywords` one
 * phrase in the captions (`docs/providers.md` §1.5). A word is a run of letters and digits, lower
 * case; everything else separates words ("#skincare," → skincare). The cache's offline answers
 * use these, never a prefix or substring match, so a "known match" is one Modash would also find.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/** Every word of `wanted` is a word of `text` (no words wanted: true, as Modash ignores them). */
export function hasAllWords(text: string, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true
  const have = new Set(words(text))
  return wanted.every((w) => have.has(w))
}

/** Captions as one padded line of words, so a phrase is a padded substring of it. */
export function captionLine(texts: readonly string[]): string {
  return ` ${words(texts.join(' ')).join(' ')} `
}

export function phraseLine(phrase: string): string {
  return ` ${words(phrase).join(' ')} `
}
