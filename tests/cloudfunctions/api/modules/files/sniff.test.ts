import { sniffUploadMime } from '../../../../../types'
import { JPEG_HEAD, PNG_1x1 } from '../../platform/fakes'

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('an upload is what its first bytes say', () => {
  test.each([
    ['a PNG', PNG_1x1, 'image/png'],
    ['a JPEG', JPEG_HEAD, 'image/jpeg'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['a GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['a GIF87a', bytes('GIF87a'), 'image/gif'],
    ['a shell script named .png', bytes('#!/bin/sh\nrm -rf /'), null],
    ['a PDF', bytes('%PDF-1.4\n'), null],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['a RIFF that is a WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), null],
    ['a PNG signature cut short', PNG_1x1.subarray(0, 7), null],
    ['two JPEG bytes', JPEG_HEAD.subarray(0, 2), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s → %s', (_label, input, expected) => {
    expect(sniffUploadMime(input)).toBe(expected)
    expect(sniffUploadMime(new Uint8Array(input))).toBe(expected)
  })
})
