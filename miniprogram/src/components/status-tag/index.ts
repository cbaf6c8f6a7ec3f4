// The four consumer states, each with its own colour so a list reads at a glance.
const themes: Record<string, string> = {
  已受理: 'primary',
  处理中: 'warning',
  已解决: 'success',
  已关闭: 'default',
};

Component({
  properties: {
    status: { type: String, value: '' },
  },
  data: { theme: 'default' },
  observers: {
    status(this: WechatMiniprogram.Component.TrivialInstance, status: string) {
      this.setData({ theme: themes[status] ?? 'default' });
    },
  },
});
