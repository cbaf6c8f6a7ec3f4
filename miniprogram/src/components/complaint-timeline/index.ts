import type { TimelineEntry } from '../../services/api';
import { formatTime } from '../../services/format';

// Who said it, as the consumer reads it: WeLink's messages and the dealer's questions stand out from status changes.
const labels: Record<TimelineEntry['kind'], string> = {
  status: '进度',
  reply: '消息通知',
  question: '门店提问',
  answer: '我的补充',
  survey: '我的评价',
};

Component({
  properties: {
    entries: { type: Array, value: [] as TimelineEntry[] },
  },
  data: { rows: [] as Array<TimelineEntry & { key: number; label: string; time: string }> },
  observers: {
    entries(this: WechatMiniprogram.Component.TrivialInstance, entries: TimelineEntry[] | null) {
      // Several entries share an instant (a status change and the question that caused it), so the key is the position.
      const rows = (entries ?? []).map((entry, key) => ({ ...entry, key, label: labels[entry.kind] ?? '', time: formatTime(entry.at) }));
      this.setData({ rows });
    },
  },
});
