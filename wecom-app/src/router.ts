import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'

/** Route paths are part of contract #15: cards and app messages open `/wecom-app/#/cases/<id>`. */
export function makeRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: '/inbox' },
      { path: '/inbox', name: 'inbox', component: () => import('./pages/InboxPage.vue') },
    ],
  })
}
