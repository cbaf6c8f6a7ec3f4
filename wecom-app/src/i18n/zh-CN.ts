// Every text a person reads in the staff app. English can follow as en-US.ts with the same keys.
export default {
  app: { title: 'WeLink 工作台' },
  nav: { inbox: '工单', me: '我的' },
}
