import { Dealer, dealers } from '../../services/api';
import { brandConfig } from '../../services/config';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';

/**
 * The dealer in context: opened from a dealer account's menu or message with `?dealerId=`, or from the last session.
 * Without a dealer the consumer picks one.
 */
Component({
  data: {
    loading: true,
    error: '',
    brandName: '',
    dealer: null as Dealer | null,
    picking: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ brandName: brandConfig().brandName });
      return this.load(query.dealerId);
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load(dealerId?: string) {
      this.setData({ loading: true, error: '' });
      try {
        const session = await ensureSession(dealerId);
        if (session.dealerId) {
          this.setData({ dealer: await dealers.get(session.dealerId), picking: false });
        } else {
          this.setData({ dealer: null, picking: true });
        }
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    onPicked(event: WechatMiniprogram.CustomEvent<{ dealer: Dealer }>) {
      this.setData({ dealer: event.detail.dealer, picking: false });
    },
    onChangeDealer() {
      this.setData({ picking: true });
    },
    onFile() {
      wx.navigateTo({ url: '/pages/complaints/new' });
    },
    onMine() {
      wx.switchTab({ url: '/pages/complaints/list' });
    },
    onCall() {
      if (this.data.dealer?.phone) {
        wx.makePhoneCall({ phoneNumber: this.data.dealer.phone });
      }
    },
  },
});
