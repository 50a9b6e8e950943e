export default definePageConfig({ navigationBarTitleText: '网格动态', enablePullDownRefresh: true })
