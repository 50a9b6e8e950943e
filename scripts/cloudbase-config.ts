/** cloudbaserc.json, generated from the one schema declaration (collections, indexes, rules). */
import { COLLECTIONS, SCHEMA } from '../cloudfunctions/api/store/schema'

export const FUNCTION_NAME = 'api'
/** Every 5 minutes (CloudBase timer cron has a seconds field first and a year field last). */
export const TICK_CRON = '0 */5 * * * * *'
export const WX_OPEN_APIS = [
  'security.msgSecCheck',
  'security.mediaCheckAsync',
  'wxacode.getUnlimited',
  'subscribeMessage.send',
]

export function cloudbaseConfig() {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: [
      {
        name: FUNCTION_NAME,
        handler: 'index.main',
        runtime: 'Nodejs18.15',
        timeout: 20,
        memorySize: 256,
        installDependency: true,
        envVariables: { STORAGE: 'cloudbase', WX_SUBSCRIBE_TEMPLATE_ID: '{{env.WX_SUBSCRIBE_TEMPLATE_ID}}' },
        triggers: [{ name: 'tick', type: 'timer', config: TICK_CRON }],
      },
    ],
    framework: {
      name: 'wanggetong',
      plugins: {
        db: {
          use: '@cloudbase/framework-plugin-database',
          inputs: {
            collections: COLLECTIONS.map((name) => ({
              collectionName: name,
              // Clients never touch collections directly: every read and write goes through `api`.
              aclTag: 'ADMINONLY',
              createIndexes: SCHEMA[name].indexes.map((index) => ({
                name: index.name,
                unique: 'unique' in index ? index.unique : false,
                keys: index.fields.map((f) => ({ name: f.field, direction: f.direction === 'asc' ? '1' : '-1' })),
              })),
            })),
          },
        },
      },
    },
  }
}

/** WeChat cloud function config: the open APIs the function may call and its timer. */
export function functionConfigJson() {
  return {
    permissions: { openapi: WX_OPEN_APIS },
    triggers: [{ name: 'tick', type: 'timer', config: TICK_CRON }],
  }
}
