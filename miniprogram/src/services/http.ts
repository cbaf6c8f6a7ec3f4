/** wx.request, wx.uploadFile and wx.downloadFile as promises that resolve with any HTTP status and reject only when nothing came back. */
export interface RawResponse {
  statusCode: number;
  data: unknown;
}

export type Method = 'GET' | 'POST' | 'PUT';

export class NetworkError extends Error {}

export function send(method: Method, url: string, data: unknown, header: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method,
      data: data as WechatMiniprogram.IAnyObject | undefined,
      header: { 'content-type': 'application/json', ...header },
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(new NetworkError(err.errMsg)),
    });
  });
}

export function sendFile(url: string, filePath: string, header: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url,
      filePath,
      name: 'file',
      header,
      // uploadFile hands the body back as text, unlike wx.request.
      success: (res) => resolve({ statusCode: res.statusCode, data: parseJson(res.data) }),
      fail: (err) => reject(new NetworkError(err.errMsg)),
    });
  });
}

/** The body lands in a temporary file; `data` is its path (a wxfile:// path an `<image>` can show). */
export function receiveFile(url: string, header: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      header,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.tempFilePath }),
      fail: (err) => reject(new NetworkError(err.errMsg)),
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
