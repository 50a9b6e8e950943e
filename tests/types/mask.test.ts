import { maskIdNumber, maskPhone, maskSensitiveText } from '../../types'

describe('masking of personal numbers', () => {
  test.each([
    ['13805371234', '138****1234'],
    ['138 0537 1234', '138****1234'],
    ['0537123', '05***23'],
    ['123', '***'],
    [null, null],
    ['', null],
  ])('maskPhone(%p) → %p', (input, expected) => {
    expect(maskPhone(input)).toBe(expected)
  })

  test.each([
    ['370811199001011234', '3708**********1234'],
    ['37081119900101123X', '3708**********123X'],
    ['370811900101123', '3708*******1123'],
    ['1234567', '*******'],
    [null, null],
  ])('maskIdNumber(%p) → %p', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected)
  })

  test('free text keeps its words but loses the numbers', () => {
    const text = '捡到身份证 370811199001011234，失主请联系 13905376789 或 0537-2345678'
    expect(maskSensitiveText(text)).toBe('捡到身份证 3708**********1234，失主请联系 139****6789 或 0537-2345678')
  })

  test('a longer digit run is not mistaken for a phone number', () => {
    expect(maskSensitiveText('订单号 2138053712345')).toBe('订单号 2138053712345')
  })
})
