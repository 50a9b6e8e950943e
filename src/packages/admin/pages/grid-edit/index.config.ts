export default definePageConfig({ navigationBarTitleText: '编辑网格' })
