export default definePageConfig({ navigationBarTitleText: '失物招领', enablePullDownRefresh: true })
