import { createApp } from 'vue'
import 'tdesign-mobile-vue/es/style/index.css'
import App from './App.vue'
import { i18n } from './i18n'
import { makeRouter } from './router'

createApp(App).use(makeRouter()).use(i18n).mount('#app')
