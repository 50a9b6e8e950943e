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
  /** Stores bytes for `ownerId` (gateway uploads, generated images) and returns the new file id. */
  put(ownerId: string, bytes: Buffer, mime: string): Promise<StoredFile>
  /** Where a client may upload one file itself (weapp): a path inside `ownerId`'s folder, named `name`. */
  uploadPath(ownerId: string, name: string): string
  /** A URL the client can show; null when the file is unknown. */
  url(fileId: string): Promise<string | null>
  /** The owner folder and extension a user upload's id names; null for any other id. */
  locate(fileId: string): { ownerId: string; ext: string } | null
  /** Whether `fileId` lies in `ownerId`'s folder (a path check only: attach through the files registry). */
  isOwnedBy(fileId: string, ownerId: string): boolean
  /** The stored size without reading the content when the storage can tell; null when there is no file. */
  size(fileId: string): Promise<number | null>
  /** The stored bytes; null when there is no file. */
  read(fileId: string): Promise<Buffer | null>
  /** Deletes the bytes (a refused or rejected upload); a missing file is not an error. */
  remove(fileId: string): Promise<void>
}

export type CheckVerdict = { pass: true } | { pass: false; reason: string }

/** An image's verdict: `pending` when the check answers later (WeChat pushes it, matched by traceId). */
export type ImageVerdict =
  | { status: 'pass'; provider: CheckProvider }
  | { status: 'pending'; provider: CheckProvider; traceId: string }
  | { status: 'reject'; provider: CheckProvider; reason: string }
export type CheckProvider = 'wechat' | 'local'

export interface ImageToCheck {
  /** A URL the checking service can download (cloud: a temporary https URL). */
  url: string
  mime: string
  size: number
  purpose: 'photo' | 'avatar'
}

export interface ContentCheck {
  text(text: string, openId: string): Promise<CheckVerdict>
  /** Throws when the check could not be made, so an unchecked image is never recorded as checked. */
  image(image: ImageToCheck, openId: string): Promise<ImageVerdict>
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

/** What a client sends to prove it was opened from a WeChat group: a CloudID from getGroupEnterInfo, or a demo group. */
export type GroupProof = { cloudID: string } | { demo: string }

/** The WeChat group a proof names (its opengid), or null when the proof is not one this runtime accepts. */
export interface GroupIdentity {
  openGid(proof: GroupProof, openId: string): Promise<string | null>
}
