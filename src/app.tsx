import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.css'
import { applyLargeText } from './services/large-text'
import { startSignedOutAtLogin } from './services/session'

// 大字模式 as remembered on this device, before the first page draws.
applyLargeText()
// Module scope: Taro's H5 entry imports this file before it creates the router, which then starts there.
startSignedOutAtLogin()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
