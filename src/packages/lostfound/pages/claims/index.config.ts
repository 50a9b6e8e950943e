export default definePageConfig({ navigationBarTitleText: '认领与线索', enablePullDownRefresh: true })
