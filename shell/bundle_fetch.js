// Fetching a bundle over a network that fails: retries with backoff on network errors, timeouts,
// 5xx, 408 and 429 (not on other 4xx, which will not change), a per-attempt timeout, progress as
// bytes arrive, and a check that the body is as long as the server said.

const RETRYABLE = (status) => status >= 500 || status === 408 || status === 429;

class FetchError extends Error {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
  }
}

// fetch() rejects with the same bare TypeError whether the server is out of reach or answered
// without letting this page read the answer (CORS). For another origin a no-cors request tells
// them apart: it gets an opaque answer from a server that is there, and fails like the first when
// nothing is. A CORS refusal will not change on a retry. Also module_start.js's, for the wasm.
export async function failureOf(url, err) {
  const origin = globalThis.location ? location.origin : null;
  if (!origin || new URL(url, location.href).origin === origin) return new FetchError(`network error (${err.message})`, true);
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
  } catch {
    return new FetchError(`network error (${err.message})`, true);
  }
  return new FetchError(`blocked by CORS: the server answered without an Access-Control-Allow-Origin header that lets ${origin} read it`, false);
}

async function attempt(url, { timeoutMs, onProgress }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (err) {
      if (controller.signal.aborted) throw new FetchError(`no answer within ${timeoutMs / 1000} s`, true);
      throw await failureOf(url, err);
    }
    if (!response.ok) {
      throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), RETRYABLE(response.status));
    }
    // Content-Length counts the bytes on the wire: with a Content-Encoding it is not the body's length.
    // From another origin Content-Encoding is hidden unless the server exposes it
    // (Access-Control-Expose-Headers): then the length on the wire says nothing about the body.
    const encoding = response.headers.get('Content-Encoding') || (response.type === 'cors' ? 'unknown' : 'identity');
    const encoded = encoding !== 'identity';
    const declared = encoded ? 0 : Number(response.headers.get('Content-Length')) || 0;
    const chunks = [];
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        onProgress(received, declared);
      }
    } catch (err) {
      throw new FetchError(controller.signal.aborted ? `download stalled (no end within ${timeoutMs / 1000} s)` : `download cut off after ${received} bytes (${err.message})`, true);
    }
    if (declared && received !== declared) throw new FetchError(`download cut off: ${received} of ${declared} bytes`, true);
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

// The bundle's bytes, or throws an Error whose message says what went wrong with `url`.
// onRetry(message, delayMs) is told before each new attempt.
export async function fetchBundle(url, { attempts = 4, timeoutMs = 30000, backoffMs = 500, onProgress = () => {}, onRetry = () => {} } = {}) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(url, { timeoutMs, onProgress });
    } catch (err) {
      if (!(err instanceof FetchError) || !err.retryable || n >= attempts) {
        throw new Error(`${url}: ${err.message}${n > 1 ? ` (after ${n} attempts)` : ''}`);
      }
      const delay = backoffMs * 2 ** (n - 1);
      onRetry(`${url}: ${err.message}`, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
