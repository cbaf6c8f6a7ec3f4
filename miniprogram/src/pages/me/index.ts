import { Dealer, dealers, member } from '../../services/api';
import { brandConfig } from '../../services/config';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';

/** The consumer's own page: which brand and dealer they are with, their member card (or joining), their complaints, and switching dealer. */
Component({
  data: {
    loading: true,
    error: '',
    brandName: '',
    dealer: null as Dealer | null,
    isMember: false,
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
        const [dealer, isMember] = await Promise.all([session.dealerId ? dealers.get(session.dealerId) : null, this.isMember()]);
        this.setData({ dealer, isMember });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    // The entry is a convenience: if the status cannot be read, it opens the card page, which explains what went wrong.
    async isMember(): Promise<boolean> {
      try {
        return (await member.get()).status === 'member';
      } catch {
        return true;
      }
    },
    onMember() {
      wx.navigateTo({ url: this.data.isMember ? '/pages/member/card' : '/pages/member/join' });
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
