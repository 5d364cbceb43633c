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

async function attempt(url, { timeoutMs, onProgress }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (err) {
      throw new FetchError(controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `network error (${err.message})`, true);
    }
    if (!response.ok) {
      throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim(), RETRYABLE(response.status));
    }
    // Content-Length counts the bytes on the wire: with a Content-Encoding it is not the body's length.
    const encoded = (response.headers.get('Content-Encoding') || 'identity') !== 'identity';
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
