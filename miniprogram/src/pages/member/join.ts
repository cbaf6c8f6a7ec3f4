import { member } from '../../services/api';
import { consentPurposes, consentTextVersion } from '../../services/consents';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';
import { Submission } from '../../services/submission';

/** What the phone button's event carries: a one-time code, or an errMsg when the consumer declined. */
interface PhoneNumberDetail {
  code?: string;
  errMsg: string;
}

const cardPage = '/pages/member/card';

// One page of this kind is open at a time; onLoad starts it afresh.
let submission = new Submission();

/** Joining the brand's membership: a name, the consents per purpose, then the phone button sends it all. */
Component({
  data: {
    loading: true,
    submitting: false,
    error: '',
    name: '',
    textVersion: consentTextVersion,
    options: consentPurposes.map((p) => ({ value: p.purpose, label: p.label, content: p.text })),
    granted: ['service'] as string[],
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      submission = new Submission();
      try {
        await ensureSession(query.dealerId);
        if ((await member.get()).status === 'member') {
          wx.redirectTo({ url: cardPage });
          return;
        }
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    onName(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ name: event.detail.value });
    },
    onConsents(event: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      this.setData({ granted: event.detail.value });
    },
    async onPhone(event: WechatMiniprogram.CustomEvent<PhoneNumberDetail>) {
      if (this.data.submitting) {
        return;
      }
      const code = event.detail.code;
      if (!code) {
        wx.showToast({ title: '需要授权手机号才能加入会员', icon: 'none' });
        return;
      }
      if (!this.data.granted.includes('service')) {
        this.setData({ error: '加入会员需要同意接收服务通知' });
        return;
      }
      this.setData({ submitting: true, error: '' });
      try {
        await submission.send((key) =>
          member.join(
            {
              phoneCode: code,
              name: this.data.name.trim() || undefined,
              consents: consentPurposes.map((p) => ({ purpose: p.purpose, granted: this.data.granted.includes(p.purpose) })),
              textVersion: consentTextVersion,
            },
            key,
          ),
        );
        // The card is issued a moment after joining: the card page waits for it.
        wx.redirectTo({ url: `${cardPage}?joined=1` });
      } catch (error) {
        this.setData({ error: messageOf(error), submitting: false });
      }
    },
  },
});
