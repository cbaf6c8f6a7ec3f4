import { Consent, member, MemberProfile } from '../../services/api';
import { consentPurposes, consentTextVersion } from '../../services/consents';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';
import { Submission } from '../../services/submission';

type Busy = '' | 'consents' | 'export' | 'delete';

// One page of this kind is open at a time; onLoad starts it afresh. Each write has its own key, so a retried
// consent answer is never sent with a deletion's key, nor the other way round.
let submissions = { consents: new Submission(), delete: new Submission() };

const grantedOf = (consents: Consent[]) => consents.filter((c) => c.granted).map((c) => c.purpose as string);

/** The member's own data (我的数据): the profile, consents given or withdrawn, a copy of everything, deleting it all. */
Component({
  data: {
    loading: true,
    failed: '',
    error: '',
    busy: '' as Busy,
    profile: null as MemberProfile | null,
    textVersion: consentTextVersion,
    options: consentPurposes.map((p) => ({ value: p.purpose, label: p.label, content: p.text })),
    granted: [] as string[],
    exported: '',
    deleted: '',
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      submissions = { consents: new Submission(), delete: new Submission() };
      try {
        await ensureSession(query.dealerId);
        const [profile, consents] = await Promise.all([member.profile(), member.consents()]);
        this.setData({ profile, granted: grantedOf(consents) });
      } catch (error) {
        this.setData({ failed: messageOf(error) });
      }
      this.setData({ loading: false });
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
      this.setData({ busy, error: '' });
      try {
        await action();
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ busy: '' });
    },
  },
});
