import type { TimelineEntry } from '../../services/api';
import { formatTime } from '../../services/format';

// Who said it, as the consumer reads it: dealer replies and questions stand out from status changes.
const labels: Record<TimelineEntry['kind'], string> = {
  status: '进度',
  reply: '门店回复',
  question: '门店提问',
  answer: '我的补充',
  survey: '我的评价',
};

Component({
  properties: {
    entries: { type: Array, value: [] as TimelineEntry[] },
  },
  data: { rows: [] as Array<TimelineEntry & { label: string; time: string }> },
  observers: {
    entries(this: WechatMiniprogram.Component.TrivialInstance, entries: TimelineEntry[]) {
      this.setData({ rows: entries.map((entry) => ({ ...entry, label: labels[entry.kind] ?? '', time: formatTime(entry.at) })) });
    },
  },
});
