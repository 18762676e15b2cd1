/**
 * The image type from the file's first bytes. The server's Content-Type is not trusted on its
 * own: only JPEG, PNG, WebP and GIF, which an <img> decodes without scripts (no SVG), become a
 * data: URL, whatever the header said.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...expected: number[]) =>
    expected.every((byte, i) => bytes[offset + i] === byte)
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif'
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'
  return null
}

export function toDataUrl(bytes: Uint8Array): string | null {
  const type = sniffImageType(bytes)
  return type === null ? null : `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
}
