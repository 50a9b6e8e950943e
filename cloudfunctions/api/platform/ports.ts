/** Platform ports: modules depend on these interfaces, adapters live beside them. */
export interface Clock {
  now(): number
}

export interface Ids {
  /** A random, unguessable id with a readable prefix, e.g. `msg_k3x...`. */
  next(prefix: string): string
}

export interface StoredFile {
  fileId: string
  mime: string
  size: number
}

export interface Files {
  /** Stores bytes for `ownerId` and returns the new file id. */
  put(ownerId: string, bytes: Buffer, mime: string): Promise<StoredFile>
  /** A URL the client can show; null when the file is unknown. */
  url(fileId: string): Promise<string | null>
  /** Whether `fileId` was uploaded by `ownerId` (only one's own uploads may be attached). */
  isOwnedBy(fileId: string, ownerId: string): boolean
}

export type CheckVerdict = { pass: true } | { pass: false; reason: string }

export interface ContentCheck {
  text(text: string, openId: string): Promise<CheckVerdict>
}

export interface Notification {
  userId: string
  openId?: string
  title: string
  body: string
  link?: string | null
}

export interface Notify {
  send(note: Notification): Promise<void>
}

export interface MiniCode {
  /** An unlimited mini-program code for `page` with `scene`, stored and returned as a URL; null when unavailable. */
  create(scene: string, page: string, ownerId: string): Promise<string | null>
}
