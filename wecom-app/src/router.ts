import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'
import type { InboxView } from './api/types'

const views: InboxView[] = ['mine', 'role', 'dealer']

/** Route paths are part of contract #15: cards and app messages open `/wecom-app/#/cases/<id>`. */
export function makeRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: '/inbox' },
      {
        path: '/inbox',
        name: 'inbox',
        component: () => import('./pages/InboxPage.vue'),
        props: (route) => ({ view: views.find((v) => v === route.query.view) ?? 'mine' }),
        meta: { tab: 'inbox' },
      },
      { path: '/cases/:id', name: 'case', component: () => import('./pages/CasePage.vue'), props: true },
      { path: '/contact', name: 'contact', component: () => import('./pages/ContactPage.vue') },
      { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { tab: 'me' } },
      { path: '/:rest(.*)*', redirect: '/inbox' },
    ],
  })
}
