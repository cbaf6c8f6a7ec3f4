import { ApiClient } from './client'
import type { Submission } from './submission'
import type {
  AppConfig, CaseDetail, CaseNote, CaseStep, CaseTransitions, ContactLookup, DealerStaff, InboxRow, InboxView, MemberView, StaffMe, VehicleDraft,
} from './types'

/** The browser's client: same origin, and the hash route as the place to come back to after sign-in. */
export const api = new ApiClient({
  fetch: (input, init) => fetch(input, init),
  navigate: (url) => location.assign(url),
  currentRoute: () => location.hash.replace(/^#/, '') || '/inbox',
  base: import.meta.env.BASE_URL,
})

const cases = (id: string) => `/api/staff/cases/${encodeURIComponent(id)}`

/** The staff API of contract #15, one function per call the pages make. */
export const staffApi = {
  me: () => api.get<StaffMe>('/api/staff/me'),
  signOut: (submission: Submission) => api.post<void>('/api/staff/signout', undefined, submission),
  appConfig: (url: string) => api.get<AppConfig>('/api/staff/app/config', { url }),

  inbox: (view: InboxView) => api.get<InboxRow[]>('/api/staff/cases', { view }),
  case: (id: string) => api.get<CaseDetail>(cases(id)),
  transitions: (id: string) => api.get<CaseTransitions>(`${cases(id)}/transitions`),
  fire: (id: string, trigger: string, version: number, input: Record<string, unknown>, submission: Submission) =>
    api.post<CaseStep>(`${cases(id)}/transitions/${encodeURIComponent(trigger)}`, input, submission, { expectedVersion: version }),
  claim: (id: string, version: number, submission: Submission) =>
    api.post<CaseStep>(`${cases(id)}/claim`, undefined, submission, { expectedVersion: version }),
  reassign: (id: string, version: number, staffId: string, submission: Submission) =>
    api.post<CaseStep>(`${cases(id)}/reassign`, { staffId }, submission, { expectedVersion: version }),
  addNote: (id: string, text: string, submission: Submission) => api.post<CaseNote>(`${cases(id)}/notes`, { text }, submission),

  dealerStaff: (role: string | null) => api.get<DealerStaff[]>('/api/staff/dealer/staff', { role }),
  contact: (externalUserId: string) => api.get<ContactLookup>(`/api/staff/contacts/${encodeURIComponent(externalUserId)}`),

  member: (id: string) => api.get<MemberView>(`/api/staff/members/${encodeURIComponent(id)}`),
  memberByContact: (externalUserId: string) => api.get<MemberView>(`/api/staff/members/by-contact/${encodeURIComponent(externalUserId)}`),
  /** The member whose card QR the staff member scanned; 422 (expired or invalid) carries the Chinese reason. */
  scanMember: (code: string, submission: Submission) => api.post<MemberView>('/api/staff/members/scan', { code }, submission),
  /** Records a vehicle as this dealer's; the answer is the member's view with it, 422 names each refused field. */
  addVehicle: (memberId: string, vehicle: VehicleDraft, submission: Submission) =>
    api.post<MemberView>(`/api/staff/members/${encodeURIComponent(memberId)}/vehicles`, vehicle, submission),
}
