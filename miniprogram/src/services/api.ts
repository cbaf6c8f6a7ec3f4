import { brandConfig } from './config';
import { ApiError, problemMessage } from './errors';
import { Method, RawResponse, receiveFile, send, sendFile } from './http';
import { authorized, bearer } from './session';

/** The consumer API of contract #14, typed. Every call carries the bearer session (see session.ts). */

export interface OpeningHours {
  day: string;
  hours: string;
}

export interface Dealer {
  id: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  openingHours: OpeningHours[];
  services: string[];
}

export interface Option {
  value: string;
  label: string;
}

export type ConsumerStatus = '已受理' | '处理中' | '已解决' | '已关闭';
/** One of the values `complaints.severities()` offers (low, normal or high on WeLink's shipped definition). */
export type Severity = string;

export interface TimelineEntry {
  at: string;
  kind: 'status' | 'reply' | 'question' | 'answer' | 'survey';
  text: string;
}

export interface Photo {
  id: string;
  url: string;
}

export interface Complaint {
  id: string;
  dealerId: string;
  dealerName: string;
  category: string;
  description: string;
  severity: Severity;
  /** What the severity reads as, from the brand's complaint definition: show this, never the value. */
  severityLabel: string;
  vehicle: string | null;
  status: ConsumerStatus;
  question: string | null;
  canCancel: boolean;
  surveyOpen: boolean;
  createdAt: string;
  photos: Photo[];
  timeline: TimelineEntry[];
}

export interface NewComplaint {
  category: string;
  description: string;
  severity: Severity;
  vehicle?: string;
  photoIds?: string[];
}

export const dealers = {
  list: () => call<Dealer[]>('GET', '/api/consumer/dealers'),
  // WeLink serves the brand's dealers as one list (a consumer may see each of them), so one dealer is read from it.
  get: async (id: string): Promise<Dealer> => {
    const found = (await call<Dealer[]>('GET', '/api/consumer/dealers')).find((d) => d.id === id);
    if (!found) {
      throw new ApiError(404, '没有找到这家经销商，请重新选择');
    }
    return found;
  },
};

export const complaints = {
  categories: () => call<Option[]>('GET', '/api/consumer/complaints/categories'),
  severities: () => call<Option[]>('GET', '/api/consumer/complaints/severities'),
  list: () => call<Complaint[]>('GET', '/api/consumer/complaints'),
  get: (id: string) => call<Complaint>('GET', `/api/consumer/complaints/${id}`),
  file: (complaint: NewComplaint, idempotencyKey: string) => call<Complaint>('POST', '/api/consumer/complaints', complaint, idempotencyKey),
  provideInformation: (id: string, answer: string, idempotencyKey: string) =>
    call<Complaint>('POST', `/api/consumer/complaints/${id}/information`, { answer }, idempotencyKey),
  cancel: (id: string, idempotencyKey: string) => call<Complaint>('POST', `/api/consumer/complaints/${id}/cancel`, {}, idempotencyKey),
  answerSurvey: (id: string, satisfaction: number, recommend: number, idempotencyKey: string) =>
    call<Complaint>('POST', `/api/consumer/complaints/${id}/survey`, { satisfaction, recommend }, idempotencyKey),
};

export const subscriptions = {
  templateIds: async () => (await call<{ templateIds: string[] }>('GET', '/api/consumer/miniprogram/subscriptions')).templateIds,
};

/** A purpose a member gives or withdraws consent for (contract: service, marketing, location, brand_sharing). */
export type ConsentPurpose = 'service' | 'marketing' | 'location' | 'brand_sharing';

export interface ConsentAnswer {
  purpose: ConsentPurpose;
  granted: boolean;
}

export interface Consent extends ConsentAnswer {
  label: string;
  textVersion: string;
  channel: string;
  decidedAt: string;
}

export interface HomeDealer {
  id: string;
  name: string;
}

/** The consumer as a member: `known` before joining (no number), `member` after; the phone comes masked. */
export interface Member {
  status: 'known' | 'member';
  number: string | null;
  tier: string | null;
  tierLabel: string | null;
  name: string | null;
  phone: string | null;
  homeDealer: HomeDealer;
  joinedAt: string | null;
  consents: Consent[];
}

export interface MemberCard {
  number: string;
  tier: string;
  tierLabel: string;
  name: string | null;
  homeDealer: HomeDealer;
  /** The signed QR text, valid until `expiresAt`: the card asks for a fresh one every minute. */
  code: string;
  expiresAt: string;
  benefits: string[];
}

export interface JoinApplication {
  phoneCode: string;
  name?: string;
  consents: ConsentAnswer[];
  textVersion: string;
}

export interface ProfileChange {
  field: string;
  value: string | null;
  source: string;
  changedAt: string;
}

export interface MemberProfile {
  name: string | null;
  phone: string | null;
  homeDealer: HomeDealer;
  history: ProfileChange[];
}

export const member = {
  get: () => call<Member>('GET', '/api/consumer/member'),
  join: (application: JoinApplication, idempotencyKey: string) => call<Member>('POST', '/api/consumer/member/join', application, idempotencyKey),
  card: () => call<MemberCard>('GET', '/api/consumer/member/card'),
  consents: () => call<Consent[]>('GET', '/api/consumer/member/consents'),
  decide: (consents: ConsentAnswer[], textVersion: string, idempotencyKey: string) =>
    call<Consent[]>('POST', '/api/consumer/member/consents', { consents, textVersion }, idempotencyKey),
  profile: () => call<MemberProfile>('GET', '/api/consumer/member/profile'),
  rename: (name: string, idempotencyKey: string) => call<MemberProfile>('PUT', '/api/consumer/member/profile', { name }, idempotencyKey),
  /** WeLink refuses (422) a dealer that is not a live dealer of the brand. */
  changeHomeDealer: (dealerId: string, idempotencyKey: string) =>
    call<unknown>('PUT', '/api/consumer/member/home-dealer', { dealerId }, idempotencyKey),
  /** Everything WeLink holds about the member (a JSON document WeLink also offers as a file). */
  export: () => call<Record<string, unknown>>('GET', '/api/consumer/member/export'),
  delete: (idempotencyKey: string) => call<{ message: string }>('POST', '/api/consumer/member/delete', { confirm: true }, idempotencyKey),
};

/** Uploads one photo (wx.uploadFile, field `file`); WeLink checks type and size by content. */
export async function uploadPhoto(filePath: string): Promise<Photo> {
  const url = brandConfig().apiBase + '/api/consumer/uploads';
  return answer<Photo>(await authorized((token) => sendFile(url, filePath, bearer(token))));
}

/**
 * A photo of a complaint, fetched with the bearer (an `<image src>` cannot send it) into a temporary file whose
 * path the page shows. `url` is the relative one WeLink answered with.
 */
export async function downloadPhoto(url: string): Promise<string> {
  const response = await authorized((token) => receiveFile(brandConfig().apiBase + url, bearer(token)));
  if (response.statusCode !== 200) {
    throw new ApiError(response.statusCode, '照片加载失败，请下拉刷新重试');
  }
  return response.data as string;
}

async function call<T>(method: Method, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const url = brandConfig().apiBase + path;
  const header = (token: string) => (idempotencyKey ? { ...bearer(token), 'Idempotency-Key': idempotencyKey } : bearer(token));
  return answer<T>(await authorized((token) => send(method, url, body, header(token))));
}

function answer<T>(response: RawResponse): T {
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return response.data as T;
  }
  throw new ApiError(response.statusCode, problemMessage(response.statusCode, response.data));
}
