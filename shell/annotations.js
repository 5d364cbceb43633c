// Highlights, notes and bookmarks on the web (issue #17; the model is the module's,
// wasm/core/annotation_store.h): kept in the origin's IndexedDB as one JSON text, read before the
// module starts and written after each change; each change told to the page as an event
// (`highlight`, `note`, `bookmark`: {action, annotation}); exports as downloads; imports from a
// file the reader picks. Without IndexedDB (a sandboxed frame, a private mode that refuses it)
// annotations last as long as the page.
import { callWithString, readJson } from './module_memory.js';

const DB = 'article-reader';
const STORE = 'annotations';
const KEY = 'all';
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;  // AnnotationLimits::maxFileBytes

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

// The stored text ('' when there is none or no IndexedDB).
export async function loadStoredAnnotations() {
  try {
    const db = await openDb();
    const text = await new Promise((resolve, reject) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(typeof request.result === 'string' ? request.result : '');
      request.onerror = () => reject(request.error);
    });
    db.close();
    return text;
  } catch (err) {
    return '';
  }
}

// Writes one at a time, the latest text last: a change made while a write is under way is written after it.
function createWriter(session) {
  let writing = false;
  let next = null;
  async function write(text) {
    writing = true;
    try {
      const db = await openDb();
      await new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(text, KEY);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    } catch (err) {
      session.log(2, `annotations not saved: ${err && err.message ? err.message : err}`);
    }
    writing = false;
    if (next !== null) {
      const text = next;
      next = null;
      write(text);
    }
  }
  return (text) => {
    if (writing) next = text;
    else write(text);
  };
}

// A file the reader keeps: a download named `name`.
function download(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], {type: `${mime};charset=utf-8`}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

// The module's side (its ports call these by name), and what the reader instance offers.
export function createAnnotations(session) {
  const save = createWriter(session);
  let importer = null;  // the hidden file input, made when first asked
  // `fileBytes`: a picked file's size, when it is over the limit and so not read.
  function importText(text, fileBytes = 0) {
    const module = session.module;
    if (!module) return {ok: false, error: 'the reader has not started'};
    return callWithString(module, (ptr) => readJson(module, module._reader_import_annotations(ptr, fileBytes)), String(text));
  }
  function pickFile() {
    if (!importer) {
      importer = document.createElement('input');
      importer.type = 'file';
      importer.accept = '.json,application/json';
      importer.addEventListener('change', async () => {
        const file = importer.files && importer.files[0];
        importer.value = '';
        if (!file) return;
        // Over the limit the module refuses it by its size; reading it would only cost the memory.
        const tooLarge = file.size > MAX_IMPORT_BYTES;
        importText(tooLarge ? '' : await file.text(), tooLarge ? file.size : 0);
      });
    }
    importer.click();
  }
  return {
    hooks: {
      onSaveAnnotations: save,
      onAnnotation: (event, action, json) => session.emit(event, {action, annotation: JSON.parse(json)}),
      onSaveFile: download,
      onPickImportFile: pickFile,
    },
    // The bundle shown is at `bundleUrl`: its annotations are shown; deep links start at the page's address.
    setSource(bundleUrl) {
      const module = session.module;
      if (!module) return;
      const source = bundleUrl.split('#')[0];
      const page = location.href.split('#')[0];
      callWithString(module, (s) => callWithString(module, (p) => module._reader_set_annotation_source(s, p), page), source);
    },
    all: () => (session.module ? readJson(session.module, session.module._reader_annotations()) : []),
    importText,
  };
}
