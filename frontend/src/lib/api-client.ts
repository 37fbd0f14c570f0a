// The one HTTP client: JSON in and out, and every failure turned into an ApiError carrying the
// contract's error code (SPEC §3), so callers switch on codes instead of parsing responses.

export const errorCodes = [
  'VALIDATION_ERROR',
  'MALFORMED_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'ROOM_NOT_FOUND',
  'PARTICIPANT_NOT_FOUND',
  'NOT_FOUND',
  'ROOM_NAME_TAKEN',
  'TIMER_ALREADY_RUNNING',
  'TIMER_NOT_RUNNING',
  'MAX_PARTICIPANTS_REACHED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_BUSY',
  'INTERNAL_ERROR',
] as const;

/** A contract code, or NETWORK_ERROR when the server could not be reached at all. */
export type ErrorCode = (typeof errorCodes)[number] | 'NETWORK_ERROR' | 'UNKNOWN_ERROR';

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly fieldErrors: FieldErrors = {},
    /** For RATE_LIMITED and SERVICE_BUSY: how long the server asked us to wait (Retry-After), if it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server is down, restarting or not answering: worth retrying later. */
  get isUnreachable(): boolean {
    return this.code === 'NETWORK_ERROR' || [502, 503, 504].includes(this.status);
  }

  /** Refused for now, not for good (too many requests, or the server shedding load): wait, then try again. */
  get isBusy(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'SERVICE_BUSY';
  }
}

/** `Retry-After` in seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function toErrorCode(value: unknown): ErrorCode {
  return errorCodes.find((code) => code === value) ?? 'UNKNOWN_ERROR';
}

interface ProblemBody {
  code?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function readFieldErrors(errors: unknown): FieldErrors {
  if (typeof errors !== 'object' || errors === null) return {};
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors as Record<string, unknown>)) {
    if (Array.isArray(messages)) result[field] = messages.filter((m): m is string => typeof m === 'string');
  }
  return result;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // Not problem details (a proxy's error page, say): the status alone has to do.
  }
  const detail = typeof body.detail === 'string' ? body.detail : response.statusText;
  // A proxy's own 429 has no contract body: it still means "too many requests".
  const code = body.code ?? (response.status === 429 ? 'RATE_LIMITED' : undefined);
  return new ApiError(
    toErrorCode(code),
    detail,
    response.status,
    readFieldErrors(body.errors),
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

export const apiBase = '/api/v1';

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached.', 0);
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
