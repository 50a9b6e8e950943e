import { PageMeta, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { LARGE_TEXT_ZOOM, useLargeText } from '../../services/large-text'

/**
 * Every page's root. In weapp it carries the page's <page-meta> (its first node), which zooms the page for
 * 大字模式; the browser zooms the whole document instead (services/large-text.ts).
 */
export function PageRoot({ id, className, children }: PropsWithChildren<{ id?: string; className?: string }>) {
  const large = useLargeText()
  return (
    <>
      {process.env.TARO_ENV === 'weapp' ? <PageMeta pageStyle={large ? `zoom: ${LARGE_TEXT_ZOOM}` : ''} /> : null}
      <View id={id} className={className}>
        {children}
      </View>
    </>
  )
}
