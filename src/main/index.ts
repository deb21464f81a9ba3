import { startApp } from './electron/start-app'

startApp()
