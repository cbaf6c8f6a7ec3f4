import { Dealer, dealers } from '../../services/api';
import { brandConfig } from '../../services/config';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';

/** The consumer's own page: which brand and dealer they are with, their complaints, and switching dealer. */
Component({
  data: {
    loading: true,
    error: '',
    brandName: '',
    dealer: null as Dealer | null,
    picking: false,
  },
  methods: {
    onLoad() {
      this.setData({ brandName: brandConfig().brandName });
      return this.load();
    },
    // A tab page stays alive: the dealer may have been switched on the home page meanwhile.
    onShow() {
      if (!this.data.loading) {
        return this.load();
      }
      return undefined;
    },
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const session = await ensureSession();
        this.setData({ dealer: session.dealerId ? await dealers.get(session.dealerId) : null });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    onMine() {
      wx.switchTab({ url: '/pages/complaints/list' });
    },
    onChangeDealer() {
      this.setData({ picking: true });
    },
    onPicked(event: WechatMiniprogram.CustomEvent<{ dealer: Dealer }>) {
      this.setData({ dealer: event.detail.dealer, picking: false });
    },
  },
});
