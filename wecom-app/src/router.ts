import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'
import type { ConversationView, InboxView } from './api/types'

const views: InboxView[] = ['mine', 'role', 'dealer']
const conversationViews: ConversationView[] = ['open', 'all']

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
      {
        path: '/conversations',
        name: 'conversations',
        component: () => import('./pages/ConversationsPage.vue'),
        props: (route) => ({ view: conversationViews.find((v) => v === route.query.view) ?? 'open' }),
        meta: { tab: 'conversations' },
      },
      // Staff notices of a new conversation open `/wecom-app/#/conversations/<id>`.
      { path: '/conversations/:id', name: 'conversation', component: () => import('./pages/ConversationPage.vue'), props: true },
      { path: '/contact', name: 'contact', component: () => import('./pages/ContactPage.vue') },
      { path: '/members/:id', name: 'member', component: () => import('./pages/MemberPage.vue'), props: true },
      { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { tab: 'me' } },
      { path: '/:rest(.*)*', redirect: '/inbox' },
    ],
  })
}
