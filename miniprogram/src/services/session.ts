import { brandConfig } from './config';
import { ApiError, problemMessage } from './errors';
import { RawResponse, send } from './http';

/** The consumer's bearer session from POST /api/consumer/miniprogram/sessions. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  brandId: string;
  dealerId: string | null;
}

const storageKey = 'welink.session';
const sessionsPath = '/api/consumer/miniprogram/sessions';

let current: Session | null = null;
// Pages load several things at once on entry: they share one sign-in instead of spending a wx.login code each.
let pending: Promise<Session> | null = null;

export function currentSession(): Session | null {
  if (!current) {
    const stored = wx.getStorageSync(storageKey) as Session | '';
    current = stored || null;
  }
  return current;
}

/** Forgets the session (and the stored copy): the next call signs in again. */
export function forgetSession(): void {
  current = null;
  pending = null;
  wx.removeStorageSync(storageKey);
}

/**
 * The session for a page opened with `dealerId` (from the account menu or a message), or with none: signs in when
 * there is no session yet and moves the session to that dealer when it differs.
 */
export function ensureSession(dealerId?: string | null): Promise<Session> {
  if (pending) {
    return pending;
  }
  const session = currentSession();
  if (session && (!dealerId || dealerId === session.dealerId)) {
    return Promise.resolve(session);
  }
  const started = (session && dealerId ? switchDealer(dealerId) : signIn(dealerId ?? null)).finally(() => {
    pending = null;
  });
  pending = started;
  return started;
}

/** wx.login and a new session; an unknown, expired or reused code answers 401 with a Chinese detail. */
export async function signIn(dealerId: string | null): Promise<Session> {
  const code = await login();
  const { appId } = brandConfig();
  return keep(await post(sessionsPath, { appId, code, dealerId }, {}));
}

/** Puts another dealer of the brand in context (the dealer picker). */
export async function switchDealer(dealerId: string): Promise<Session> {
  return keep(await authorized((token) => post(sessionsPath + '/dealer', { dealerId }, bearer(token))));
}

/**
 * Sends with the bearer token. A 401 means the access token expired: refresh once; when the refresh token is spent
 * too, sign in again with a fresh wx.login code, keeping the dealer in context. Whatever `call` sends (its
 * Idempotency-Key included) is sent again unchanged.
 */
export async function authorized(call: (accessToken: string) => Promise<RawResponse>): Promise<RawResponse> {
  const session = await ensureSession();
  const first = await call(session.accessToken);
  if (first.statusCode !== 401) {
    return first;
  }
  return call((await renew(session)).accessToken);
}

async function renew(session: Session): Promise<Session> {
  const refreshed = await post(sessionsPath + '/refresh', { refreshToken: session.refreshToken }, {});
  if (refreshed.statusCode === 200) {
    return store(refreshed.data as Session);
  }
  forgetSession();
  return signIn(session.dealerId);
}

function keep(response: RawResponse): Session {
  if (response.statusCode !== 200) {
    throw new ApiError(response.statusCode, problemMessage(response.statusCode, response.data));
  }
  return store(response.data as Session);
}

function store(answer: Session): Session {
  current = {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    brandId: answer.brandId,
    dealerId: answer.dealerId ?? null,
  };
  wx.setStorageSync(storageKey, current);
  return current;
}

function post(path: string, body: unknown, header: Record<string, string>): Promise<RawResponse> {
  return send('POST', brandConfig().apiBase + path, body, header);
}

export function bearer(accessToken: string): Record<string, string> {
  return { Authorization: `Bearer ${accessToken}` };
}

function login(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => resolve(res.code),
      fail: () => reject(new ApiError(0, '微信登录失败，请稍后重试')),
    });
  });
}
