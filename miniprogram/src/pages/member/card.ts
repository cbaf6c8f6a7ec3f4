import { member, MemberCard } from '../../services/api';
import { ApiError, messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';

// The card's QR text is signed and short-lived: a fresh one every minute while the card is on screen.
const refreshEvery = 60 * 1000;
// Joining answers before the card exists (the outbox issues it): asked again this often, this many times.
const issueWait = 1000;
const issueTries = 15;

// One page of this kind is open at a time.
let refreshTimer: ReturnType<typeof setInterval> | null = null;

const notMemberYet = (error: unknown) => error instanceof ApiError && error.status === 409;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The member card: number, tier, name, home dealer, the QR code to show at the dealer, and the tier's benefits. */
Component({
  data: {
    loading: true,
    issuing: false,
    notMember: false,
    error: '',
    card: null as MemberCard | null,
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const justJoined = query.joined === '1';
      this.setData({ issuing: justJoined });
      try {
        await ensureSession(query.dealerId);
        this.setData({ card: justJoined ? await this.issued() : await member.card() });
      } catch (error) {
        if (notMemberYet(error) && !justJoined) {
          this.setData({ notMember: true });
        } else {
          this.setData({ error: notMemberYet(error) ? '会员卡还在发放中，请稍后再打开' : messageOf(error) });
        }
      }
      this.setData({ loading: false, issuing: false });
    },
    async issued(): Promise<MemberCard> {
      for (let tried = 1; ; tried += 1) {
        try {
          return await member.card();
        } catch (error) {
          if (!notMemberYet(error) || tried >= issueTries) {
            throw error;
          }
          await pause(issueWait);
        }
      }
    },
    onShow() {
      this.stopRefresh();
      refreshTimer = setInterval(() => this.refresh(), refreshEvery);
    },
    onHide() {
      this.stopRefresh();
    },
    onUnload() {
      this.stopRefresh();
    },
    stopRefresh() {
      if (refreshTimer !== null) {
        clearInterval(refreshTimer);
        refreshTimer = null;
      }
    },
    async refresh() {
      if (!this.data.card) {
        return;
      }
      try {
        this.setData({ card: await member.card(), error: '' });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },
    onMyData() {
      wx.navigateTo({ url: '/pages/member/data' });
    },
    onJoin() {
      wx.redirectTo({ url: '/pages/member/join' });
    },
  },
});
