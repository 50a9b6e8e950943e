import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.css'
import { startSignedOutAtLogin } from './services/session'

// Module scope: Taro's H5 entry imports this file before it creates the router, which then starts there.
startSignedOutAtLogin()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
