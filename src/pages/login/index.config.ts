// No title bar: the page has its own heading, and the bar's home button would only lead back here.
export default definePageConfig({ navigationBarTitleText: '登录', navigationStyle: 'custom' })
