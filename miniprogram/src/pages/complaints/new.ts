import { complaints, Option, Severity, subscriptions, uploadPhoto } from '../../services/api';
import { messageOf } from '../../services/errors';
import { ensureSession } from '../../services/session';
import { Submission } from '../../services/submission';

const maxPhotos = 6;
const maxPhotoBytes = 5 * 1024 * 1024;
const maxDescription = 2000;

/** A photo as t-upload shows it, plus WeLink's id once uploaded. */
interface PhotoFile {
  url: string;
  size?: number;
  status: 'loading' | 'done';
  photoId?: string;
}

// One page of this kind is open at a time; onLoad starts it afresh.
let submission = new Submission();

/** Files a complaint with the dealer in context (the menu opens it with `?dealerId=`). */
Component({
  data: {
    loading: true,
    submitting: false,
    error: '',
    maxDescription,
    maxPhotos,
    categories: [] as Option[],
    severities: [] as Option[],
    templateIds: [] as string[],
    category: '',
    severity: '' as Severity,
    description: '',
    vehicle: '',
    photos: [] as PhotoFile[],
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      submission = new Submission();
      try {
        await ensureSession(query.dealerId);
        const [categories, severities, templateIds] = await Promise.all([
          complaints.categories(),
          complaints.severities(),
          subscriptions.templateIds(),
        ]);
        this.setData({ categories, severities, severity: usualSeverity(severities), templateIds });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
      this.setData({ loading: false });
    },
    onCategory(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ category: event.detail.value });
    },
    onSeverity(event: WechatMiniprogram.CustomEvent<{ value: Severity }>) {
      this.setData({ severity: event.detail.value });
    },
    onDescription(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ description: event.detail.value });
    },
    onVehicle(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ vehicle: event.detail.value });
    },
    async onPhotosAdd(event: WechatMiniprogram.CustomEvent<{ files: Array<{ url: string; size?: number }> }>) {
      const room = maxPhotos - this.data.photos.length;
      const added = event.detail.files.slice(0, room);
      const tooLarge = added.filter((file) => (file.size ?? 0) > maxPhotoBytes);
      const accepted = added.filter((file) => !tooLarge.includes(file));
      this.setData({
        error: tooLarge.length > 0 ? '照片不能超过 5 MB' : event.detail.files.length > room ? `最多上传 ${maxPhotos} 张照片` : '',
        photos: [...this.data.photos, ...accepted.map((file) => ({ url: file.url, size: file.size, status: 'loading' as const }))],
      });
      await Promise.all(accepted.map((file) => this.upload(file.url)));
    },
    async upload(url: string) {
      try {
        const photo = await uploadPhoto(url);
        this.setData({ photos: this.data.photos.map((p) => (p.url === url ? { ...p, status: 'done' as const, photoId: photo.id } : p)) });
      } catch (error) {
        this.setData({ error: messageOf(error), photos: this.data.photos.filter((p) => p.url !== url) });
      }
    },
    onPhotoRemove(event: WechatMiniprogram.CustomEvent<{ index: number }>) {
      this.setData({ photos: this.data.photos.filter((_, i) => i !== event.detail.index) });
    },
    async onSubmit() {
      if (this.data.submitting) {
        return;
      }
      const problem = this.check();
      if (problem) {
        this.setData({ error: problem });
        return;
      }
      this.setData({ submitting: true, error: '' });
      // Asked inside the tap, before anything else is awaited: WeChat shows the dialog only for a user's tap.
      await askForStatusMessages(this.data.templateIds);
      try {
        const filed = await submission.send((key) =>
          complaints.file(
            {
              category: this.data.category,
              description: this.data.description.trim(),
              severity: this.data.severity,
              vehicle: this.data.vehicle.trim() || undefined,
              photoIds: this.data.photos.map((p) => p.photoId as string),
            },
            key,
          ),
        );
        wx.redirectTo({ url: `/pages/complaints/detail?id=${filed.id}` });
      } catch (error) {
        this.setData({ error: messageOf(error), submitting: false });
      }
    },
    check(): string {
      if (!this.data.category) {
        return '请选择问题类型';
      }
      if (!this.data.severity) {
        return '请选择严重程度';
      }
      if (!this.data.description.trim()) {
        return '请填写问题描述';
      }
      if (this.data.photos.some((p) => p.status !== 'done')) {
        return '照片还在上传，请稍候';
      }
      return '';
    },
  },
});

/**
 * Preselected so that most consumers need not think about it: the definition's `normal`, as WeLink's shipped one
 * names the everyday severity, or else the first offered.
 */
function usualSeverity(severities: Option[]): Severity {
  return (severities.find((s) => s.value === 'normal') ?? severities[0])?.value ?? '';
}

function askForStatusMessages(templateIds: string[]): Promise<void> {
  if (templateIds.length === 0) {
    return Promise.resolve();
  }
  // A refusal only means no subscribe messages: WeLink falls back to the dealer account's template message.
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({ tmplIds: templateIds, complete: () => resolve() } as WechatMiniprogram.RequestSubscribeMessageOption);
  });
}
