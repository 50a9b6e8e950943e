export default definePageConfig({ navigationBarTitleText: '分类与时限' })
