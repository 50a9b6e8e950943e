// Taro's preset plus on-demand NutUI imports (component JS and its own CSS only).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        customName: (name) => '@nutui/nutui-react-taro/dist/es/packages/' + name.toLowerCase(),
        style: (name) => name + '/style/css',
        camel2DashComponentName: false,
      },
      'nutui-react-taro',
    ],
  ],
}
