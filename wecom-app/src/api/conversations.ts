import { api } from './staff'
import type { Submission } from './submission'
import type { ComplaintOption, ConversationComplaint, ConversationDetail, ConversationRow, ConversationView } from './types'

const conversation = (id: string) => `/api/staff/conversations/${encodeURIComponent(id)}`

/** The conversation calls of the staff API (contract-15-conversations), one function per call the pages make. */
export const conversationApi = {
  list: (view: ConversationView) => api.get<ConversationRow[]>('/api/staff/conversations', { view }),
  get: (id: string) => api.get<ConversationDetail>(conversation(id)),
  /** The brand's complaint categories, the only ones 转为投诉 accepts. */
  complaintCategories: () => api.get<ComplaintOption[]>('/api/staff/conversations/complaint-categories'),
  reply: (id: string, text: string, submission: Submission) =>
    api.post<{ messageId: string; delivery: string }>(`${conversation(id)}/replies`, { text }, submission),
  invite: (id: string, submission: Submission) =>
    api.post<{ messageId: string }>(`${conversation(id)}/invitations`, undefined, submission),
  fileComplaint: (id: string, complaint: ConversationComplaint, submission: Submission) =>
    api.post<{ caseId: string }>(`${conversation(id)}/complaint`, complaint, submission),
  close: (id: string, submission: Submission) => api.post<void>(`${conversation(id)}/close`, undefined, submission),
}
