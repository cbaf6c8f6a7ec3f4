import { Consent, Dealer, dealers, member, MemberProfile } from '../../services/api';
import { consentPurposes, consentTextVersion } from '../../services/consents';
import { messageOf } from '../../services/errors';
import { formatTime } from '../../services/format';
import { ensureSession } from '../../services/session';
import { Submission } from '../../services/submission';

type Busy = '' | 'name' | 'dealers' | 'home-dealer' | 'consents' | 'export' | 'delete';

// One page of this kind is open at a time; onLoad starts it afresh. Each write has its own key, so a retried
// consent answer is never sent with a deletion's key, nor the other way round.
const freshSubmissions = () => ({ name: new Submission(), homeDealer: new Submission(), consents: new Submission(), delete: new Submission() });
let submissions = freshSubmissions();

const grantedOf = (consents: Consent[]) => consents.filter((c) => c.granted).map((c) => c.purpose as string);

/** The names the member has had, newest first, as the page lists them. */
const nameHistoryOf = (profile: MemberProfile) =>
  profile.history
    .filter((c) => c.field === 'name')
    .map((c) => ({ key: c.changedAt, value: c.value ?? '（已清除）', at: formatTime(c.changedAt) }))
    .reverse();

/** The member's own data (我的数据): the profile, consents given or withdrawn, a copy of everything, deleting it all. */
Component({
  data: {
    loading: true,
    failed: '',
    error: '',
    /** Which action the error answers, so it shows beside that action. */
    errorAt: '' as Busy,
    busy: '' as Busy,
    profile: null as MemberProfile | null,
    name: '',
    nameHistory: [] as { key: string; value: string; at: string }[],
    dealers: null as Dealer[] | null,
    textVersion: consentTextVersion,
    options: consentPurposes.map((p) => ({ value: p.purpose, label: p.label, content: p.text })),
    granted: [] as string[],
    exported: '',
    deleted: '',
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      submissions = freshSubmissions();
      try {
        await ensureSession(query.dealerId);
        const [profile, consents] = await Promise.all([member.profile(), member.consents()]);
        this.showProfile(profile);
        this.setData({ granted: grantedOf(consents) });
      } catch (error) {
        this.setData({ failed: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    showProfile(profile: MemberProfile) {
      this.setData({ profile, name: profile.name ?? '', nameHistory: nameHistoryOf(profile) });
    },
    onName(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: event.detail.value });
    },
    /** WeLink judges the name (its 400 says why in Chinese): the page sends it as typed. */
    onSaveName() {
      const name = this.data.name;
      return this.act('name', async () => {
        this.showProfile(await submissions.name.send((key) => member.rename(name, key)));
        wx.showToast({ title: '姓名已保存', icon: 'success' });
      });
    },
    /** The brand's dealers, the same list the home page's picker offers. */
    onChooseDealer() {
      return this.act('dealers', async () => {
        this.setData({ dealers: await dealers.list() });
      });
    },
    onCancelDealer() {
      this.setData({ dealers: null });
    },
    async onPickDealer(event: WechatMiniprogram.TouchEvent) {
      const dealer = this.data.dealers?.find((d) => d.id === event.currentTarget.dataset.id);
      if (!dealer || this.data.busy) {
        return;
      }
      const { confirm } = await wx.showModal({
        title: '更换归属门店',
        content: `确定将归属门店更换为「${dealer.name}」吗？`,
        confirmText: '更换',
        cancelText: '取消',
      });
      if (confirm) {
        await this.act('home-dealer', async () => {
          await submissions.homeDealer.send((key) => member.changeHomeDealer(dealer.id, key));
          this.showProfile(await member.profile());
          this.setData({ dealers: null });
          wx.showToast({ title: '归属门店已更换', icon: 'success' });
        });
      }
    },
    onConsents(event: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      this.setData({ granted: event.detail.value });
    },
    /** Every purpose is answered: an unticked one is withdrawn, at once. */
    onSaveConsents() {
      const answers = consentPurposes.map((p) => ({ purpose: p.purpose, granted: this.data.granted.includes(p.purpose) }));
      return this.act('consents', async () => {
        this.setData({ granted: grantedOf(await submissions.consents.send((key) => member.decide(answers, consentTextVersion, key))) });
        wx.showToast({ title: '授权已保存', icon: 'success' });
      });
    },
    // WeChat cannot save a download to the phone's files: the copy goes to the clipboard, to paste where it is kept.
    onExport() {
      return this.act('export', async () => {
        const copy = JSON.stringify(await member.export(), null, 2);
        await new Promise<void>((resolve, reject) => wx.setClipboardData({ data: copy, success: () => resolve(), fail: reject }));
        this.setData({ exported: `已生成您的数据副本（${copy.length} 字），并复制到剪贴板` });
      });
    },
    async onDelete() {
      const { confirm } = await wx.showModal({
        title: '删除我的数据',
        content: '删除后您的个人信息将被清除、会员资格注销，且无法恢复。确定删除吗？',
        confirmText: '删除',
        confirmColor: '#d54941',
        cancelText: '再想想',
      });
      if (confirm) {
        await this.act('delete', async () => {
          this.setData({ deleted: (await submissions.delete.send((key) => member.delete(key))).message });
        });
      }
    },
    /** One action at a time: the buttons are disabled while one is in flight. */
    async act(busy: Busy, action: () => Promise<void>) {
      if (this.data.busy) {
        return;
      }
      this.setData({ busy, error: '', errorAt: '' });
      try {
        await action();
      } catch (error) {
        this.setData({ error: messageOf(error), errorAt: busy });
      }
      this.setData({ busy: '' });
    },
  },
});
