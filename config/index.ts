import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** Build-time switches read from the shell (Taro only reads TARO_APP_* from .env files by itself). */
const buildEnv = {
  TARO_APP_LOCAL: JSON.stringify(process.env.TARO_APP_LOCAL === '1' ? '1' : ''),
  TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
  TARO_APP_SUBSCRIBE_TMPL: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TMPL ?? ''),
  TARO_APP_TMAP_KEY: JSON.stringify(process.env.TARO_APP_TMAP_KEY ?? ''),
}

// The shared contract lives outside src and is TypeScript: compile it too.
const contractDir = path.resolve(__dirname, '..', 'types')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wanggetong',
    date: '2025-11-23',
    // NutUI is drawn for 375; our own styles for 750.
    designWidth: (input) => {
      const file = typeof input === 'object' && input !== null ? String(input.file ?? '') : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: buildEnv,
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [contractDir] },
      // Page CSS order across chunks does not matter here (class names are component-scoped by prefix).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [contractDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Pages are async chunks and Taro splits only initial ones, so each page carried its own copy of
      // zod and NutUI (measured: ~160 KB per page chunk). Share them across pages instead.
      webpackChain(chain) {
        const current: unknown = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...(typeof current === 'object' && current !== null ? current : {}),
          chunks: 'all',
        })
        // The contract only declares things, so a page that imports one constant through `src/contract.ts`
        // (the login page: the error codes) gets that module, not every schema and zod with it.
        chain.module
          .rule('contract-side-effect-free')
          .include.add(contractDir)
          .add(path.resolve(__dirname, '..', 'src', 'contract.ts'))
          .end()
          .set('sideEffects', false) // webpack-chain 6 supports it; its type declarations miss it
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
