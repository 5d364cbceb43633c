// Strings and bytes into and out of one reader's WebAssembly memory: the module's C exports take
// and return pointers (wasm/platform/web/exports.h).
const encoder = new TextEncoder();

export const encode = (text) => encoder.encode(text);

// Copies bytes into the module's memory, NUL-terminated, for the duration of fn(pointer, length).
// Throws when the memory cannot hold them (malloc answers 0: writing there would overwrite the
// module's own data).
export function withBytes(module, bytes, fn) {
  const ptr = module._malloc(bytes.length + 1);
  if (!ptr) throw new Error(`the reader's memory cannot hold ${bytes.length + 1} more bytes`);
  module.HEAPU8.set(bytes, ptr);
  module.HEAPU8[ptr + bytes.length] = 0;
  try {
    return fn(ptr, bytes.length);
  } finally {
    module._free(ptr);
  }
}

// fn(pointer) with `text` as UTF-8 in the module's memory.
export function callWithString(module, fn, text) {
  return withBytes(module, encode(text), (ptr) => fn(ptr));
}

// The UTF-8 string at ptr; readJson: parsed, or null for an empty string.
export const readText = (module, ptr) => module.UTF8ToString(ptr);
export function readJson(module, ptr) {
  const text = readText(module, ptr);
  return text ? JSON.parse(text) : null;
}
