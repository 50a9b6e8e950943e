import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  // Fast refresh needs react-refresh packages this project does not install; watch builds reload instead.
  h5: { devServer: { hot: false } },
} satisfies UserConfigExport<'webpack5'>
