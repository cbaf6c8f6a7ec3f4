import { NetworkError } from './http';

/** A failed call, with the message the page shows as is (Simplified Chinese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface ProblemDetails {
  detail?: string;
  errors?: Record<string, string[]>;
}

const byStatus: Record<number, string> = {
  401: '登录已失效，请重新进入小程序',
  403: '没有权限进行此操作',
  404: '内容不存在或已删除',
  409: '状态已变化，请刷新后重试',
  413: '照片不能超过 5 MB',
  415: '只能上传 JPG、PNG 或 WebP 格式的照片',
  429: '操作太频繁，请稍后再试',
};

/**
 * WeLink's ProblemDetails carry Chinese texts: each field's validation messages, or the detail. A body without
 * them (a proxy's error page, an empty 500) still gets a Chinese sentence.
 */
export function problemMessage(status: number, body: unknown): string {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemDetails;
  const fieldMessages = Object.values(problem.errors ?? {}).flat();
  if (fieldMessages.length > 0) {
    return fieldMessages.join('；');
  }
  if (problem.detail) {
    return problem.detail;
  }
  return byStatus[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : `请求失败（${status}）`);
}

/** What a page shows for anything a call threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof NetworkError) {
    return '网络连接失败，请检查网络后重试';
  }
  return '出了点问题，请稍后重试';
}
