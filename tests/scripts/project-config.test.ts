/** WeChat DevTools' code-quality panel: every compression setting is on in the committed project config. */
import fs from 'node:fs'
import path from 'node:path'

test('project.config.json turns on JS, WXML and WXSS compression and file-name uglifying', () => {
  const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../project.config.json'), 'utf8')) as {
    setting: Record<string, unknown>
  }
  expect(config.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true, uglifyFileName: true })
})
