export default definePageConfig({ navigationBarTitleText: '发布启事' })
