// The HTTP/JSON face of the gRPC service (proto3 JSON: camelCase fields, enum names as strings,
// int64 as strings). Paths are relative to the page, so the page also works behind a path prefix.

import { authorizedFetch } from './auth.js';

export class ApiError extends Error {
  /** @param {number} httpStatus @param {number|undefined} code gRPC status code @param {string} message */
  constructor(httpStatus, code, message) {
    super(message);
    this.name = 'ApiError';
    this.httpStatus = httpStatus;
    this.code = code;
  }
}

/** gRPC status codes the page reacts to. */
export const GrpcCode = Object.freeze({ InvalidArgument: 3, NotFound: 5, OutOfRange: 11, Unavailable: 14 });

export function apiUrl(path, params) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Array.isArray(value)) {
      value.forEach(item => url.searchParams.append(name, item));
    } else if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

/** Reads an error response ({code, message} from the server, or whatever came back) as an ApiError. */
export async function errorFrom(response) {
  let code;
  let message = `HTTP ${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (body && typeof body.message === 'string' && body.message) {
      message = body.message;
    }
    if (body && typeof body.code === 'number') {
      code = body.code;
    }
  } catch {
    // Not JSON (a proxy's error page, say): keep the HTTP status line.
  }
  return new ApiError(response.status, code, message);
}

async function getJson(path, params, signal) {
  const response = await authorizedFetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return response.json();
}

export function getClaim(claimId, { statementPageSize, statementPageToken } = {}, signal) {
  return getJson(`v1/claims/${encodeURIComponent(claimId)}`, { statementPageSize, statementPageToken }, signal);
}

export function getActor(actorId, signal, pages = {}) {
  return getJson(`v1/actors/${encodeURIComponent(actorId)}`, pages, signal);
}

export function listActors(query, pageSize, signal, pageToken) {
  return getJson('v1/actors', { query, pageSize, pageToken }, signal);
}

/** ListClaims: a keyset-paged read on the server; `params` holds its query parameters (filter.* included). */
export function listClaims(params, signal) {
  return getJson('v1/claims', params, signal);
}

/** ListStatements by actorId, originActorId, outletActorId, reportId, claimId, stance; newest first. */
export function listStatements(params, signal) {
  return getJson('v1/statements', params, signal);
}

/** ListReports by outletActorId, publishedAfter/Before and query; newest first, without their text. */
export function listReports(params, signal) {
  return getJson('v1/reports', params, signal);
}

/** Report ids may contain '/': each path segment is encoded on its own (the route is `v1/reports/{id=**}`). */
export function getReport(reportId, signal) {
  return getJson(`v1/reports/${reportId.split('/').map(encodeURIComponent).join('/')}`, null, signal);
}

export function getTimeline(claimId, { pageSize, pageToken } = {}, signal) {
  return getJson(`v1/claims/${encodeURIComponent(claimId)}/timeline`, { pageSize, pageToken }, signal);
}
