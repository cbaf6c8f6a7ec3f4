import { Complaint, complaints, downloadPhoto, Photo } from '../../services/api';
import { messageOf } from '../../services/errors';
import { formatTime } from '../../services/format';
import { ensureSession } from '../../services/session';
import { Submission } from '../../services/submission';

type Action = 'answer' | 'cancel' | 'survey';

// One page of this kind is open at a time; onLoad starts it afresh.
let submission = new Submission();

/**
 * One complaint as the consumer follows it: state, what they filed, the timeline with the dealer's replies, and
 * what they can do now (answer the dealer's question, cancel, the closing survey). Status messages open it with
 * `?id=<caseId>&dealerId=<dealerId>`.
 */
Component({
  data: {
    id: '',
    loading: true,
    error: '',
    complaint: null as Complaint | null,
    filedAt: '',
    // The photos as temporary files: WeLink serves them only with the bearer, which an <image src> cannot send.
    photoIds: '',
    photoFiles: [] as string[],
    photoError: '',
    acting: '' as Action | '',
    answer: '',
    satisfaction: 0,
    recommend: -1,
    scores: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      submission = new Submission();
      this.setData({ id: query.id ?? '' });
      return this.load(query.dealerId);
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load(dealerId?: string) {
      this.setData({ loading: this.data.complaint === null, error: '' });
      try {
        await ensureSession(dealerId);
        const complaint = await complaints.get(this.data.id);
        this.show(complaint);
        await this.showPhotos(complaint.photos);
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    show(complaint: Complaint) {
      this.setData({ complaint, filedAt: formatTime(complaint.createdAt) });
    },
    /** Downloads the photos once per set (a refresh with the same photos keeps the files it has). */
    async showPhotos(photos: Photo[]) {
      const photoIds = photos.map((p) => p.id).join(',');
      if (photoIds === this.data.photoIds && !this.data.photoError) {
        return;
      }
      this.setData({ photoIds, photoFiles: [], photoError: '' });
      try {
        this.setData({ photoFiles: await Promise.all(photos.map((p) => downloadPhoto(p.url))) });
      } catch (error) {
        this.setData({ photoError: messageOf(error) });
      }
    },
    onAnswerInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ answer: event.detail.value });
    },
    onSatisfaction(event: WechatMiniprogram.CustomEvent<{ value: number }>) {
      this.setData({ satisfaction: event.detail.value });
    },
    onRecommend(event: WechatMiniprogram.TouchEvent) {
      this.setData({ recommend: Number(event.currentTarget.dataset.score) });
    },
    onAnswer() {
      if (!this.data.answer.trim()) {
        this.setData({ error: '请填写补充信息' });
        return undefined;
      }
      return this.act('answer', (key) => complaints.provideInformation(this.data.id, this.data.answer.trim(), key));
    },
    async onCancel() {
      if (this.data.acting) {
        return;
      }
      const { confirm } = await wx.showModal({ title: '撤销投诉', content: '撤销后门店将不再处理此投诉，确定撤销吗？', confirmText: '撤销', cancelText: '再想想' });
      if (confirm) {
        await this.act('cancel', (key) => complaints.cancel(this.data.id, key));
      }
    },
    onSurvey() {
      if (this.data.satisfaction < 1 || this.data.recommend < 0) {
        this.setData({ error: '请为满意度打分并选择推荐意愿' });
        return undefined;
      }
      return this.act('survey', (key) => complaints.answerSurvey(this.data.id, this.data.satisfaction, this.data.recommend, key));
    },
    /** One step at a time: the buttons are disabled while one is in flight, and a second tap does nothing. */
    async act(action: Action, call: (idempotencyKey: string) => Promise<Complaint>) {
      if (this.data.acting) {
        return;
      }
      this.setData({ acting: action, error: '' });
      try {
        this.show(await submission.send(call));
        this.setData({ answer: '', satisfaction: 0, recommend: -1 });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ acting: '' });
    },
  },
});
