/** WeChat DevTools' code-quality panel: every compression it offers is on for upload, as issue 10 asks. */
import fs from 'node:fs'
import path from 'node:path'

test('the mini-program is uploaded with its scripts, WXML and WXSS compressed and unused files left out', () => {
  const config: unknown = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../project.config.json'), 'utf8'))
  expect(config).toMatchObject({
    setting: { minified: true, minifyWXML: true, minifyWXSS: true, ignoreUploadUnusedFiles: true },
  })
})
