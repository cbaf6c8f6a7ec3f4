/**
 * Per-brand settings. WeLink uploads this one codebase for every brand's mini-program as a third-party platform,
 * with the brand's values in ext.json (`ext`), so nothing brand-specific is compiled in.
 */
export interface BrandConfig {
  /** WeLink's public base URL, e.g. https://welink.example.com (no trailing slash). */
  apiBase: string;
  brandName: string;
  /** The brand's mini-program appid: the authorizer WeLink signs the consumer in for. */
  appId: string;
}

interface ExtConfig {
  apiBase?: string;
  brandName?: string;
}

export function brandConfig(): BrandConfig {
  const ext = (wx.getExtConfigSync ? wx.getExtConfigSync() : {}) as ExtConfig;
  return {
    apiBase: (ext.apiBase ?? 'http://127.0.0.1:5000').replace(/\/+$/, ''),
    brandName: ext.brandName ?? '',
    appId: wx.getAccountInfoSync().miniProgram.appId,
  };
}
