// Consumer API answers shaped as contract #14 describes them.
const dealer = {
  id: 'd-1',
  name: '极光汽车上海浦东店',
  city: '上海',
  address: '浦东新区张江路 100 号',
  phone: '021-5555 0100',
  openingHours: [
    { day: '周一至周五', hours: '09:00–18:00' },
    { day: '周六、周日', hours: '10:00–17:00' },
  ],
  services: ['投诉', '保养', '试驾'],
};

const otherDealer = { ...dealer, id: 'd-2', name: '极光汽车北京望京店', city: '北京', address: '朝阳区望京街 8 号' };

function complaint(overrides = {}) {
  return {
    id: 'c-1',
    dealerId: 'd-1',
    dealerName: dealer.name,
    category: '服务态度',
    description: '保养等了三个小时没有人通知',
    severity: 'normal',
    severityLabel: '一般',
    vehicle: '沪A·12345',
    status: '已受理',
    question: null,
    canCancel: true,
    surveyOpen: false,
    createdAt: '2026-12-05T02:00:00Z',
    photos: [],
    timeline: [{ at: '2026-12-05T02:00:00Z', kind: 'status', text: '投诉已受理' }],
    ...overrides,
  };
}

const categories = [
  { value: 'service', label: '服务态度' },
  { value: 'repair', label: '维修质量' },
  { value: 'billing', label: '收费问题' },
];

// As WeLink's shipped complaint definition labels them.
const severities = [
  { value: 'low', label: '轻微' },
  { value: 'normal', label: '一般' },
  { value: 'high', label: '紧急' },
];

// A consumer before joining (GET /api/consumer/member), and the same consumer as a member.
const known = {
  status: 'known',
  number: null,
  tier: null,
  tierLabel: null,
  name: null,
  phone: null,
  homeDealer: { id: 'd-1', name: dealer.name },
  joinedAt: null,
  consents: [],
};

const joined = {
  ...known,
  status: 'member',
  number: 'M00000123',
  tier: 'silver',
  tierLabel: '银卡会员',
  name: '王芳',
  phone: '138****5678',
  joinedAt: '2026-12-05T02:00:00Z',
  consents: [{ purpose: 'service', label: '服务通知', granted: true, textVersion: '2026-12', channel: 'miniprogram', decidedAt: '2026-12-05T02:00:00Z' }],
};

function card(overrides = {}) {
  return {
    number: 'M00000123',
    tier: 'silver',
    tierLabel: '银卡会员',
    name: '王芳',
    homeDealer: { id: 'd-1', name: dealer.name },
    code: 'WLM1.M00000123.first',
    expiresAt: '2026-12-05T02:02:00Z',
    benefits: ['保养工时 9 折', '生日礼包'],
    ...overrides,
  };
}

module.exports = { dealer, otherDealer, complaint, categories, severities, known, joined, card };
