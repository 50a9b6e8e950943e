export default definePageConfig({ navigationBarTitleText: '本楼住户', enablePullDownRefresh: true })
