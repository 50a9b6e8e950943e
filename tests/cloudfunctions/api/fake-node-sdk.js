/**
 * @cloudbase/node-sdk for running the deployed bundle offline (bundle.test.ts puts it where the bundle
 * resolves `@cloudbase/node-sdk`). The runtime context is read by the real SDK (FAKE_TCB_REAL_SDK);
 * `init` answers with an app whose document database lives in memory, seeded from FAKE_TCB_SEED
 * (`{ collection: [doc] }`), whose storage is a Map and whose WeChat open API is unreachable, as
 * offline. What the function asked for is kept in `fake.calls` for the test to print.
 */
const fs = require('node:fs')
const real = require(process.env.FAKE_TCB_REAL_SDK)

const calls = []
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

/** Query commands as the SDK's `db.command` builds them: an operator and its argument. */
const COMMAND = Symbol('command')
const op = (name) => (arg) => ({ [COMMAND]: name, arg })
const command = Object.fromEntries(
  ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'and', 'or'].map((name) => [name, op(name)]),
)

function fieldOf(doc, field) {
  return field.split('.').reduce((v, key) => (v === null || v === undefined ? undefined : v[key]), doc)
}

function compare(a, b) {
  if (a === b) return 0
  if (a === undefined || a === null) return -1
  if (b === undefined || b === null) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** A field condition: a plain value means equality; an array field matches when any element does. */
function matchValue(value, cond) {
  if (Array.isArray(value) && !(cond && cond[COMMAND] === 'eq' && Array.isArray(cond.arg)))
    if (value.some((v) => matchValue(v, cond))) return true
  if (!cond || typeof cond !== 'object' || !(COMMAND in cond)) return JSON.stringify(value) === JSON.stringify(cond)
  const { arg } = cond
  switch (cond[COMMAND]) {
    case 'eq':
      return arg === null ? value === null || value === undefined : JSON.stringify(value) === JSON.stringify(arg)
    case 'neq':
      return !matchValue(value, command.eq(arg))
    case 'in':
      return arg.some((v) => matchValue(value, v))
    case 'nin':
      return !arg.some((v) => matchValue(value, v))
    case 'and':
      return arg.every((c) => matchValue(value, c))
    case 'or':
      return arg.some((c) => matchValue(value, c))
    default:
      if (value === undefined || value === null || typeof value !== typeof arg) return false
      return { lt: (c) => c < 0, lte: (c) => c <= 0, gt: (c) => c > 0, gte: (c) => c >= 0 }[cond[COMMAND]](
        compare(value, arg),
      )
  }
}

function matchWhere(doc, where) {
  if (where && COMMAND in where) {
    const parts = where.arg.map((w) => matchWhere(doc, w))
    return where[COMMAND] === 'and' ? parts.every(Boolean) : parts.some(Boolean)
  }
  return Object.entries(where ?? {}).every(([field, cond]) => matchValue(fieldOf(doc, field), cond))
}

function createDatabase(seed) {
  let collections = new Map(Object.entries(seed).map(([name, docs]) => [name, new Map(docs.map((d) => [d._id, d]))]))
  const coll = (name) => collections.get(name) ?? collections.set(name, new Map()).get(name)

  function docRef(name, id) {
    return {
      async get() {
        const doc = coll(name).get(id)
        return { data: doc ? [clone(doc)] : [] }
      },
      async set(data) {
        coll(name).set(id, { ...clone(data), _id: id })
        return { updated: 1 }
      },
      async update(data) {
        const doc = coll(name).get(id)
        if (doc) coll(name).set(id, { ...doc, ...clone(data) })
        return { updated: doc ? 1 : 0 }
      },
      async remove() {
        return { deleted: coll(name).delete(id) ? 1 : 0 }
      },
    }
  }

  function query(name, state) {
    const matching = () =>
      [...coll(name).values()]
        .filter((doc) => matchWhere(doc, state.where))
        .sort((a, b) => {
          for (const [field, dir] of state.orders) {
            const c = compare(fieldOf(a, field), fieldOf(b, field))
            if (c !== 0) return dir === 'desc' ? -c : c
          }
          return 0
        })
    return {
      where: (where) => query(name, { ...state, where }),
      orderBy: (field, dir) => query(name, { ...state, orders: [...state.orders, [field, dir]] }),
      skip: (skip) => query(name, { ...state, skip }),
      limit: (limit) => query(name, { ...state, limit }),
      async get() {
        return { data: clone(matching().slice(state.skip, state.skip + state.limit)) }
      },
      async count() {
        return { total: matching().length }
      },
    }
  }

  const collection = (name) => ({
    ...query(name, { where: {}, orders: [], skip: 0, limit: 100 }),
    doc: (id) => docRef(name, id),
    async add(doc) {
      const id = doc._id ?? `auto_${coll(name).size + 1}`
      if (coll(name).has(id)) throw new Error(`[DATABASE_DUPLICATE_WRITE] E11000 duplicate key: ${name}/${id}`)
      coll(name).set(id, { ...clone(doc), _id: id })
      return { id }
    },
  })

  return {
    command,
    collection,
    /** All or nothing: the collections as they were come back when `fn` throws. */
    async runTransaction(fn) {
      const before = new Map([...collections].map(([name, docs]) => [name, new Map(clone([...docs]))]))
      try {
        return await fn({ collection })
      } catch (err) {
        collections = before
        throw err
      }
    },
  }
}

function init(config) {
  calls.push({ init: { ...config, env: config.env === real.SYMBOL_CURRENT_ENV ? 'SYMBOL_CURRENT_ENV' : config.env } })
  const seed = process.env.FAKE_TCB_SEED ? JSON.parse(fs.readFileSync(process.env.FAKE_TCB_SEED, 'utf8')) : {}
  const database = createDatabase(seed)
  const files = new Map()
  const url = (fileID) => `https://tmp.example.com/${encodeURIComponent(fileID)}`
  return {
    database: () => database,
    async callWxOpenApi({ apiName }) {
      calls.push({ callWxOpenApi: apiName })
      throw new Error('connect ECONNREFUSED (offline: no WeChat open API)')
    },
    async uploadFile({ cloudPath, fileContent }) {
      files.set(`cloud://fake/${cloudPath}`, Buffer.from(fileContent))
      return { fileID: `cloud://fake/${cloudPath}` }
    },
    async getTempFileURL({ fileList }) {
      return { fileList: fileList.map((fileID) => ({ fileID, tempFileURL: files.has(fileID) ? url(fileID) : '' })) }
    },
    async getFileInfo({ fileList }) {
      return {
        fileList: fileList.map((fileID) =>
          files.has(fileID) ? { code: 'SUCCESS', size: files.get(fileID).length } : { code: 'STORAGE_FILE_NONEXIST' },
        ),
      }
    },
    async downloadFile({ fileID }) {
      if (!files.has(fileID)) throw new Error('STORAGE_FILE_NONEXIST')
      return { fileContent: files.get(fileID) }
    },
    async deleteFile({ fileList }) {
      for (const fileID of fileList) files.delete(fileID)
      return { fileList: fileList.map((fileID) => ({ fileID, code: 'SUCCESS' })) }
    },
  }
}

module.exports = {
  init,
  getCloudbaseContext: (context) => real.getCloudbaseContext(context),
  SYMBOL_CURRENT_ENV: real.SYMBOL_CURRENT_ENV,
  fake: { calls },
}
