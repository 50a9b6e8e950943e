export * from './envelope'
export * from './entities'
export * from './actions'
export * from './mask'
