/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI for client code; absent in the cloud function and scripts. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    /** '1' in the local demo H5 build (demo login picker); '' otherwise. */
    TARO_APP_LOCAL?: string
    /** CloudBase environment id for the weapp build. */
    TARO_APP_CLOUD_ENV?: string
    /** WeChat subscribe-message template id for order progress (optional). */
    TARO_APP_SUBSCRIBE_TMPL?: string
  }
}
