import { Complaint, complaints } from '../../services/api';
import { messageOf } from '../../services/errors';
import { formatTime } from '../../services/format';
import { ensureSession } from '../../services/session';

type Row = Complaint & { filedAt: string };

/** The consumer's complaints at the dealer in context, newest first, with their consumer state. */
Component({
  data: {
    loading: true,
    error: '',
    rows: [] as Row[],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      return this.load(query.dealerId);
    },
    // A tab page stays alive: coming back from filing or from a detail shows the latest states.
    onShow() {
      if (!this.data.loading) {
        return this.load();
      }
      return undefined;
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load(dealerId?: string) {
      this.setData({ loading: this.data.rows.length === 0, error: '' });
      try {
        await ensureSession(dealerId);
        const list = await complaints.list();
        this.setData({ rows: list.map((c) => ({ ...c, filedAt: formatTime(c.createdAt) })) });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    onOpen(event: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({ url: `/pages/complaints/detail?id=${event.currentTarget.dataset.id}` });
    },
    onFile() {
      wx.navigateTo({ url: '/pages/complaints/new' });
    },
  },
});
