/** Where the browser app opens for a visitor with and without a stored session. */
import { signedOutStart } from '../../../src/services/start-route'

describe('a visitor with no session', () => {
  test.each([
    ['', 'the app’s address'],
    ['#/', 'the root route'],
    ['#/pages/index/index', '首页'],
    ['#/pages/lostfound/index', '失物招领'],
    ['#/packages/credit/pages/home/index?from=tile', 'a subpackage page with a query'],
  ])('opening %p (%s) starts on the login page', (hash) => {
    expect(signedOutStart(hash, false)).toBe('#/pages/login/index')
  })

  test.each([['#/pages/login/index'], ['#/pages/join/index?code=AB12CD34'], ['#/pages/join/index']])(
    'opening %p stays there',
    (hash) => {
      expect(signedOutStart(hash, false)).toBeNull()
    },
  )
})

test('a visitor with a stored session (even one the server will call expired) opens what they asked for', () => {
  for (const hash of ['', '#/pages/index/index', '#/pages/me/index', '#/pages/login/index']) {
    expect(signedOutStart(hash, true)).toBeNull()
  }
})
