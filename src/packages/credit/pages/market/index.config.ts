export default definePageConfig({ navigationBarTitleText: '信用集市', enablePullDownRefresh: true })
