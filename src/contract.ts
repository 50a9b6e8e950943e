/** The shared contract (types/ at the repository root), re-exported so pages import it from one place. */
export * from '../types'
