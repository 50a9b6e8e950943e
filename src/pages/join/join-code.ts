/**
 * The join code a page was opened with, as given: `code` (H5 join link) or `scene` (`c=XXXXXXXX`,
 * mini-program code). The contract's JoinCodeSchema then trims, upper-cases and checks it.
 */
export function codeFromParams(params: Partial<Record<string, string>>): string | null {
  if (params.code) return safeDecode(params.code)
  const scene = params.scene ? safeDecode(params.scene) : ''
  for (const pair of scene.split('&')) {
    const [key, value] = pair.split('=')
    if (key === 'c' && value) return value
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
