const { useFakeWeLink } = require('./support/use-fake-welink');
const fs = require('node:fs');
const { renderPage, textOf, find, tap, emit, change } = require('./support/render');
const { complaint, categories, severities } = require('./support/samples');
const files = require('./support/files');

const fake = useFakeWeLink();
beforeEach(() => {
  fake.welink.on('GET', '/api/consumer/complaints/categories', categories);
  fake.welink.on('GET', '/api/consumer/complaints/severities', severities);
  fake.welink.on('GET', '/api/consumer/miniprogram/subscriptions', { templateIds: ['tmpl-status'] });
});

async function fill(page, { category = 'repair', description = '刹车异响，修了两次还没好', vehicle = '' } = {}) {
  await change(page, '.category', category);
  await change(page, '.description', description);
  if (vehicle) await change(page, '.vehicle', vehicle);
}

async function addPhotos(page, ...paths) {
  await emit(page, '.upload', 'add', { files: paths.map((p) => ({ url: p, size: fs.statSync(p).size })) });
  await fake.wx.flush();
}

describe('filing a complaint', () => {
  test("shows the categories, WeLink's severities with 一般 picked, a description counter and the photo picker", async () => {
    const page = await renderPage('pages/complaints/new', { dealerId: 'd-1' }, fake.wx);

    const text = textOf(page);
    for (const label of ['服务态度', '维修质量', '收费问题', '轻微', '一般', '紧急', '提交投诉']) {
      expect(text).toContain(label);
    }
    expect(text).not.toContain('较重');
    expect(page.data.severity).toBe('normal');
    expect(text).toContain('0 / 2000');
    expect(page.toJSON()).toMatchSnapshot();

    await change(page, '.description', '等了很久');
    expect(textOf(page)).toContain('4 / 2000');
  });

  test('asks for status messages with the ids WeLink gave, then files once with photos and opens the complaint', async () => {
    let filedBody;
    fake.welink.on('POST', '/api/consumer/uploads', { id: 'p-1', url: '/api/consumer/uploads/p-1' }, 201);
    fake.welink.on('POST', '/api/consumer/complaints', ({ body }) => {
      filedBody = body;
      return { status: 201, body: complaint({ id: 'c-9' }) };
    });
    const page = await renderPage('pages/complaints/new', {}, fake.wx);
    await fill(page, { vehicle: '沪A·12345' });
    await change(page, '.severity', 'high');
    await addPhotos(page, files.photo());

    await tap(page, '.submit');
    expect(page.data.submitting).toBe(true);
    const button = find(page, '.submit', '.t-button').dom;
    expect(button.className).toContain('t-button--disabled');
    expect(button.querySelector('[class*="t-loading"]')).not.toBeNull();
    await tap(page, '.submit');
    await fake.wx.flush();

    expect(fake.wx.calls.subscribe).toEqual([['tmpl-status']]);
    expect(fake.welink.sent('POST', '/api/consumer/complaints')).toHaveLength(1);
    expect(filedBody).toEqual({ category: 'repair', description: '刹车异响，修了两次还没好', severity: 'high', vehicle: '沪A·12345', photoIds: ['p-1'] });
    expect(fake.welink.sent('POST', '/api/consumer/complaints')[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.welink.sent('POST', '/api/consumer/uploads')[0].headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(fake.wx.calls.redirectTo).toEqual(['/pages/complaints/detail?id=c-9']);
  });

  test('the severities are whatever the brand offers: another list is shown as sent, its first one picked when it has no normal', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/severities', [
      { value: 'minor', label: '小问题' },
      { value: 'major', label: '大问题' },
    ]);
    const page = await renderPage('pages/complaints/new', {}, fake.wx);

    expect(textOf(page)).toContain('小问题');
    expect(textOf(page)).toContain('大问题');
    expect(page.data.severity).toBe('minor');
  });

  test('when WeLink offers no severity the page says so and sends nothing', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/severities', []);
    const page = await renderPage('pages/complaints/new', {}, fake.wx);
    await fill(page);

    await tap(page, '.submit');
    await fake.wx.flush();

    expect(textOf(page)).toContain('请选择严重程度');
    expect(fake.welink.sent('POST', '/api/consumer/complaints')).toHaveLength(0);
  });

  test('an empty description is refused on the page before anything is sent', async () => {
    const page = await renderPage('pages/complaints/new', {}, fake.wx);
    await fill(page, { description: '   ' });

    await tap(page, '.submit');
    await fake.wx.flush();

    expect(textOf(page)).toContain('请填写问题描述');
    expect(fake.welink.sent('POST', '/api/consumer/complaints')).toHaveLength(0);
    expect(fake.wx.calls.subscribe).toHaveLength(0);
  });

  test("WeLink's Chinese validation messages are shown as they come, and the button works again", async () => {
    fake.welink.on('POST', '/api/consumer/complaints', { status: 400, errors: { category: ['请选择有效的问题类型'] } }, 400);
    const page = await renderPage('pages/complaints/new', {}, fake.wx);
    await fill(page);

    await tap(page, '.submit');
    await fake.wx.flush();

    expect(textOf(page)).toContain('请选择有效的问题类型');
    expect(page.data.submitting).toBe(false);
  });

  test('a photo over 5 MB is refused on the page and never uploaded', async () => {
    const page = await renderPage('pages/complaints/new', {}, fake.wx);

    await addPhotos(page, files.oversized());

    expect(textOf(page)).toContain('照片不能超过 5 MB');
    expect(fake.welink.sent('POST', '/api/consumer/uploads')).toHaveLength(0);
  });

  test('a file WeLink refuses as not a photo shows its Chinese reason and is taken off the form', async () => {
    fake.welink.on('POST', '/api/consumer/uploads', { status: 415, detail: '只能上传 JPG、PNG 或 WebP 格式的照片' }, 415);
    const page = await renderPage('pages/complaints/new', {}, fake.wx);

    await addPhotos(page, files.notAPhoto());

    expect(textOf(page)).toContain('只能上传 JPG、PNG 或 WebP 格式的照片');
    expect(page.data.photos).toHaveLength(0);
  });

  test('more than six photos: the first six are kept and the page says six is the limit', async () => {
    let n = 0;
    fake.welink.on('POST', '/api/consumer/uploads', () => ({ status: 201, body: { id: `p-${++n}`, url: `/u/${n}` } }));
    const page = await renderPage('pages/complaints/new', {}, fake.wx);

    await addPhotos(page, ...Array.from({ length: 7 }, () => files.photo()));

    expect(page.data.photos).toHaveLength(6);
    expect(textOf(page)).toContain('最多上传 6 张照片');
  });
});
