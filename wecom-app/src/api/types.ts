// The staff API's shapes (contract #15). Labels come from the server in Chinese, so the app hard-codes no state or role.

export interface Labelled {
  key: string
  label: string
}

export interface StaffMe {
  id: string
  name: string
  brandId: string
  dealerId: string
  dealerName: string
  roles: string[]
}

export interface PersonRef {
  id: string
  name: string
}

export interface InboxRow {
  id: string
  process: Labelled
  category?: string | null
  severity?: string | null
  state: Labelled
  customer: { name: string | null } | null
  assignee: PersonRef | null
  assigneeRole: string | null
  dueAt: string | null
  breached: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export type InboxView = 'mine' | 'role' | 'dealer'

export interface TimelineEntry {
  at: string
  kind: 'step' | 'message' | 'note' | string
  actor: string | null
  text: string
}

export interface CaseNote {
  at: string
  author: string | null
  text: string
}

export interface CaseDetail {
  id: string
  version: number
  process: Labelled
  state: Labelled
  customer: { consumerId: string | null; name: string | null; dealerName: string | null } | null
  filed: { label: string; value: string }[]
  photos: { id: string; url: string }[]
  assignee: PersonRef | null
  assigneeRole: string | null
  dueAt: string | null
  breached: boolean
  timeline: TimelineEntry[]
  notes: CaseNote[]
}

export interface Choice {
  value: string
  label: string
}

/** One input field of a step, exactly as the engine checks it. Choices may be plain values or value/label pairs. */
export interface InputField {
  name: string
  label: string
  type: string
  required: boolean
  maxLength?: number | null
  min?: number | null
  max?: number | null
  choices?: (string | Choice)[] | null
  hint?: string | null
}

export interface Transition {
  trigger: string
  label: string
  input: InputField[]
}

export interface CaseTransitions {
  caseId: string
  state: string | Labelled
  version: number
  transitions: Transition[]
}

export interface CaseStep {
  caseId: string
  state: string
  version: number
  replayed: boolean
}

export interface DealerStaff {
  id: string
  name: string
  roles: string[]
}

export interface ContactLookup {
  externalUserId: string
  name: string | null
  linked: boolean
  customer: { consumerId: string; name: string | null } | null
  cases: InboxRow[]
}

export interface AppConfig {
  corpId: string
  agentId: string | number
  corpSignature: Signature
  agentSignature: Signature
  bridgeScript: string | null
}

export interface Signature {
  timestamp: number | string
  nonceStr: string
  signature: string
}

// Conversations (contract-15-conversations): a consumer talking to the dealer's official account.

export type ConversationView = 'open' | 'all'
export type MessageDirection = 'in' | 'out'
/** `page`: a mini-program card WeLink sent (a keyword reply), its text the card's title. */
export type MessageKind = 'text' | 'image' | 'voice' | 'template' | 'page' | string
export type Severity = 'low' | 'normal' | 'high'

export interface ConversationCustomer {
  consumerId: string
  name: string | null
}

export interface ConversationRow {
  id: string
  customer: ConversationCustomer
  lastMessage: { at: string; direction: MessageDirection; kind: MessageKind; text: string | null } | null
  unanswered: boolean
  waitingSince: string | null
  windowClosesAt: string | null
  caseId: string | null
  status: 'open' | 'closed'
}

export interface ConversationMessage {
  id: string
  at: string
  direction: MessageDirection
  kind: MessageKind
  text: string | null
  mediaUrl: string | null
  staff: PersonRef | null
  delivery: 'sent' | 'failed' | 'pending' | null
}

export interface ConversationDetail {
  id: string
  status: 'open' | 'closed'
  customer: ConversationCustomer
  windowOpen: boolean
  windowClosesAt: string | null
  caseId: string | null
  messages: ConversationMessage[]
}

/** A choice the brand's complaint definition offers: `value` is what a filing sends, `label` what the picker shows. */
export interface ComplaintOption {
  value: string
  label: string
}

export interface ConversationComplaint {
  category: string
  severity: Severity
  description?: string
}

/** A dealer as the member view names it. */
export interface MemberDealer {
  id: string
  name: string
}

/**
 * One member as this staff member's dealer may see them (GET /api/staff/members/{id}): their own dealer's dealings in
 * full, other dealers' as the brand shares them (`sharing`: none, summary — then `otherDealers` holds counts —, full).
 */
export interface MemberView {
  id: string
  status: string
  statusLabel: string
  memberNumber: string | null
  tier: string | null
  name: string | null
  phoneMasked: string | null
  homeDealer: MemberDealer
  joinedAt: string | null
  createdAt: string
  sharing: 'none' | 'summary' | 'full'
  profile: {
    field: string
    label: string
    value: string | null
    source: string
    sourceLabel: string
    changedAt: string
    history: { value: string | null; source: string; sourceLabel: string; changedAt: string }[]
  }[]
  identities: { kind: string; kindLabel: string; dealer: MemberDealer; linkedBy: string; linkedByLabel: string; linkedAt: string }[]
  vehicles: { id: string; model: string; plate: string | null; vin: string | null; purchasedOn: string | null; dealer: MemberDealer; createdAt: string }[]
  consents: { purpose: string; purposeLabel: string; granted: boolean; textVersion: string; channel: string; decidedAt: string }[]
  cases: { id: string; dealer: MemberDealer; process: string; processLabel: string; state: string; stateLabel: string; createdAt: string; closedAt: string | null }[]
  otherDealers: { dealer: MemberDealer; identities: number; vehicles: number; cases: { processLabel: string; stateLabel: string; count: number }[] }[]
  timeline: { at: string; kind: string; text: string; dealer: MemberDealer | null }[]
}

/** A vehicle as staff add it (POST /api/staff/members/{id}/vehicles): the model, the rest when known. */
export interface VehicleDraft {
  model: string
  plate?: string
  vin?: string
  purchasedOn?: string
}
