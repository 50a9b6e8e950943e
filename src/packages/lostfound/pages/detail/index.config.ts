export default definePageConfig({ navigationBarTitleText: '启事详情', enablePullDownRefresh: true })
