import { ConsentPurpose } from './api';

/**
 * The consent text the member pages show, and its version: WeLink records each answer with the version read, so
 * any change to these sentences needs a new version.
 */
export const consentTextVersion = '2026-12';

export interface ConsentPurposeText {
  purpose: ConsentPurpose;
  label: string;
  text: string;
  required: boolean;
}

export const consentPurposes: ConsentPurposeText[] = [
  { purpose: 'service', label: '服务通知', text: '会员卡、权益和服务进度的通知（加入会员必须同意）', required: true },
  { purpose: 'marketing', label: '营销信息', text: '新车、活动和会员优惠信息', required: false },
  { purpose: 'location', label: '位置信息', text: '为您推荐附近的门店', required: false },
  { purpose: 'brand_sharing', label: '与品牌共享', text: '与品牌及其他经销商共享会员信息，在任意门店享受会员服务', required: false },
];
