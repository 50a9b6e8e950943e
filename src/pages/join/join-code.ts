/** The join code a page was opened with: `code` (H5 join link) or `scene` (`c=XXXXXXXX`, mini-program code). */
export function codeFromParams(params: Partial<Record<string, string>>): string | null {
  const direct = params.code?.trim()
  if (direct) return safeDecode(direct).toUpperCase()
  const scene = params.scene ? safeDecode(params.scene) : ''
  for (const pair of scene.split('&')) {
    const [key, value] = pair.split('=')
    if (key === 'c' && value) return value.trim().toUpperCase()
  }
  return null
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
