export default definePageConfig({ navigationBarTitleText: '积分与集市', enablePullDownRefresh: true })
