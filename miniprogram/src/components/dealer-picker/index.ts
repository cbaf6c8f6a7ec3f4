import { Dealer, dealers } from '../../services/api';
import { messageOf } from '../../services/errors';
import { switchDealer } from '../../services/session';

/** The brand's dealers to choose from; choosing one puts it in the session's context and tells the page. */
Component({
  options: { addGlobalClass: true },
  data: {
    loading: true,
    switching: false,
    error: '',
    dealers: [] as Dealer[],
  },
  lifetimes: {
    attached() {
      this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        this.setData({ dealers: await dealers.list() });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    async onPick(event: WechatMiniprogram.TouchEvent) {
      if (this.data.switching) {
        return;
      }
      const dealer = this.data.dealers.find((d) => d.id === event.currentTarget.dataset.id);
      if (!dealer) {
        return;
      }
      this.setData({ switching: true, error: '' });
      try {
        await switchDealer(dealer.id);
        this.triggerEvent('picked', { dealer });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ switching: false });
    },
  },
});
