// Where the module's bytes go: the function bodies of a build with names (`--profiling-funcs`, the
// CMake target reader-module-profile, otherwise the same link as reader-module) summed by area of
// the code, and the data section (tables, strings) apart. Raw bytes, and the gzip -9 of each area's
// bodies compressed together (areas compress a little better inside the whole file).
import fs from 'node:fs';
import zlib from 'node:zlib';

// First match wins: backends before Dear ImGui's own code, our namespaces before the C++ library.
const AREAS = [
  ['Dear ImGui backend', /ImGui_Impl|reader::web::WebGL|WebGLRenderer/],
  ['Dear ImGui', /^(ImGui|Im[A-Z]|stbrp|stbtt|stb_)|ImGui::/],
  ['nlohmann_json', /nlohmann/],
  ['libunibreak', /^(ub_|lb_|gb_|wb_|is_breakable|get_char_lb|set_linebreaks|lb_)/],
  ['core: search', /reader::core::(Search|search|.*[Ff]old)/],
  ['core: bundle loading', /reader::core::(BundleLoader|JsonReader|SchemaReader|ShardLoader|json|bundle|Bundle)/],
  ['core: other', /reader::core::/],
  ['ui', /reader::ui::/],
  ['web platform and exports', /reader::web::|^reader_|^js_|main::|__original_main|^main$/],
  ['C/C++ runtime', /./],
];

function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}

// The sections, function bodies (index, bytes) and function names of a wasm file.
function readModule(bytes) {
  const sections = [], bodies = [], names = new Map();
  let importedFunctions = 0;
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    sections.push({ id, size, start, end });
    if (id === 2) importedFunctions = countImportedFunctions(bytes, start);
    if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, body] = leb(bytes, p);
        bodies.push({ index: importedFunctions + i, bytes: bytes.subarray(p, body + length) });
        p = body + length;
      }
    }
    if (id === 0) readNames(bytes, start, end, names);
    at = end;
  }
  return { sections, bodies, names };
}

function countImportedFunctions(bytes, start) {
  let [count, p] = leb(bytes, start), functions = 0, length;
  for (let i = 0; i < count; i++) {
    [length, p] = leb(bytes, p); p += length;  // module
    [length, p] = leb(bytes, p); p += length;  // field
    const kind = bytes[p++];
    if (kind === 0) { functions++; [, p] = leb(bytes, p); }
    else if (kind === 1) { p++; const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
    else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
    else if (kind === 3) p += 2;
  }
  return functions;
}

function readNames(bytes, start, end, names) {
  let [length, p] = leb(bytes, start);
  if (new TextDecoder().decode(bytes.subarray(p, p + length)) !== 'name') return;
  p += length;
  while (p < end) {
    const kind = bytes[p];
    const [size, sub] = leb(bytes, p + 1);
    if (kind === 1) {
      let [count, q] = leb(bytes, sub);
      for (let i = 0; i < count; i++) {
        let index, nameLength;
        [index, q] = leb(bytes, q);
        [nameLength, q] = leb(bytes, q);
        names.set(index, new TextDecoder().decode(bytes.subarray(q, q + nameLength)));
        q += nameLength;
      }
    }
    p = sub + size;
  }
}

const gzip = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

// [{area, functions, raw, gzip}], largest first, the data section last; null without the file.
export function wasmAreas(file) {
  if (!fs.existsSync(file)) return null;
  const { sections, bodies, names } = readModule(fs.readFileSync(file));
  const byArea = new Map(AREAS.map(([area]) => [area, { area, functions: 0, raw: 0, parts: [] }]));
  for (const body of bodies) {
    const name = names.get(body.index) || '';
    const [area] = AREAS.find(([, pattern]) => pattern.test(name));
    const row = byArea.get(area);
    row.functions++;
    row.raw += body.bytes.length;
    row.parts.push(body.bytes);
  }
  const rows = [...byArea.values()].filter((r) => r.raw > 0)
    .map(({ parts, ...r }) => ({ ...r, gzip: gzip(Buffer.concat(parts)) }))
    .sort((a, b) => b.raw - a.raw);
  const data = sections.find((s) => s.id === 11);
  if (data) {
    const bytes = fs.readFileSync(file).subarray(data.start, data.end);
    rows.push({ area: 'data (tables, strings)', functions: 0, raw: bytes.length, gzip: gzip(bytes) });
  }
  return rows;
}
