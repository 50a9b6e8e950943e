import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.css'
import { applyLargeText } from './services/large-text'

// 大字模式 as remembered on this device, before the first page draws.
applyLargeText()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
