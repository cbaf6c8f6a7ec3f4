// Onboards a dealer on a running WeLink the way the README's "Onboard a dealer by clicking" does: the platform admin
// creates and approves it in the portal API, authorizes the sandbox's Beijing service account through WeChat's pages
// and installs the WeCom app for the Beijing corp.
const { Browser } = require('./browser');

const beijingAccount = 'Aurora Motors Beijing Dealer';
const beijingCorp = 'Aurora Beijing Dealer';

async function waitFor(what, probe, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The sandbox's control API (what WeChat's and WeCom's servers and people's phones do). */
function sandbox(base) {
  const http = new Browser(base);
  return {
    world: () => http.getOk('/sandbox/control/world'),
    post: (path, body) => http.postOk(`/sandbox/control/${path}`, body ?? {}),
    get: (path) => http.getOk(`/sandbox/control/${path}`),
    /** A push the sandbox sent to WeLink's callback, once delivered. */
    delivered: (pushId) => waitFor(`push ${pushId}`, async () => (await http.getOk(`/sandbox/control/pushes/${pushId}?wait_seconds=10`)).status === 'Delivered'),
  };
}

async function onboardDealer(base, { brandName = '极光汽车', dealerName = '极光汽车北京店' } = {}) {
  const control = sandbox(base);
  for (const ticket of ['component-verify-ticket', 'suite-ticket']) {
    const push = await control.post(`pushes/${ticket}`);
    if (push && push.push_id) await control.delivered(push.push_id);
  }
  const world = await control.world();
  const account = world.accounts.find((a) => a.nickname === beijingAccount);
  const corp = world.corps.find((c) => c.corp.name === beijingCorp);

  const admin = new Browser(base);
  await admin.postOk('/api/admin/login', { email: 'admin@welink.local', password: 'welink-local-admin' });
  const brand = await admin.postOk('/api/admin/brands', { name: brandName });
  const dealer = await admin.postOk(`/api/admin/brands/${brand.id}/dealers`, { code: 'BJ01', name: dealerName });
  await admin.postOk(`/api/admin/dealers/${dealer.id}/approve`, { version: dealer.version });

  for (const [start, field, value] of [
    [`/onboarding/dealers/${dealer.id}/official-account/authorize?device=pc`, 'appid', account.app_id],
    [`/onboarding/dealers/${dealer.id}/wecom/install`, 'corpid', corp.corp.corp_id],
  ]) {
    const wechatPage = await admin.get((await admin.get(start)).location);
    await admin.get(await admin.submitForm(wechatPage.text, field, value));
  }
  await waitFor('the dealer to be linked', async () => (await admin.getOk(`/api/admin/dealers/${dealer.id}/link`)).linked);

  // The Beijing corp's first member manages service, its third advises (as in the server's complaint tests).
  const [manager, , advisor] = corp.staff;
  const synced = await waitFor('the staff sync', async () => {
    const { staff } = await admin.getOk(`/api/admin/dealers/${dealer.id}/staff`);
    return staff.length >= 3 && staff;
  });
  for (const [member, role] of [[manager, 'service-manager'], [advisor, 'service-advisor']]) {
    const record = synced.find((s) => s.userId === member.user_id);
    const res = await admin.send('PUT', `/api/admin/dealers/${dealer.id}/staff/${record.id}/roles`, { json: { roles: [role] } });
    if (res.status !== 204) throw new Error(`roles of ${member.name}: ${res.status} ${res.text}`);
  }
  return { admin, control, brand, dealer, account, corp, world, manager, advisor };
}

/** A staff member signed in through WeCom OAuth (the sandbox consents as them): a client for /api/staff. */
async function signInStaff(base, userId) {
  const staff = new Browser(base);
  // WeCom's authorize URL ends in #wechat_redirect: the sandbox's consent-as parameter belongs in the query before it.
  const authorize = new URL((await staff.get('/staff/signin?returnUrl=%2Fapp')).location);
  authorize.hash = '';
  authorize.searchParams.set('sandbox_as', userId);
  const consent = await staff.get(authorize.href);
  const signedIn = consent.location && (await staff.get(consent.location));
  if (!signedIn || signedIn.status !== 302) throw new Error(`staff sign-in of ${userId}: ${consent.status} ${(signedIn || consent).text}`);
  return {
    /** Fires a step of the case's process with its input, as the staff app's action buttons do. */
    async step(caseId, trigger, input = {}) {
      const res = await staff.send('POST', `/api/staff/cases/${caseId}/transitions/${trigger}`, { json: input, idempotencyKey: `${caseId}-${trigger}-${Date.now()}` });
      if (res.status !== 200) throw new Error(`${trigger}: ${res.status} ${res.text}`);
      return res.json();
    },
  };
}

module.exports = { onboardDealer, signInStaff, sandbox, waitFor };
