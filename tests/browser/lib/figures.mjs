// Test images made on the spot (no binary committed): PNGs encoded with node's zlib, and a bundle
// with an article of figures between paragraphs, for the image tests and the image benchmarks.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// An RGB PNG of width x height: colour `rgb` ([r, g, b]) with a darker diagonal band, so that a
// screenshot shows the image was drawn whole and the right way up.
export function makePng(width, height, rgb) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bits per channel
  header[9] = 2;  // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x / width - y / height) < 0.08;
      for (let c = 0; c < 3; c++) rows[row + 1 + x * 3 + c] = band ? rgb[c] >> 2 : rgb[c];
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const COLOURS = [[200, 60, 60], [60, 160, 80], [60, 90, 200], [200, 160, 40], [150, 60, 170], [40, 160, 170]];
const PARAGRAPH = '本會提醒消費者，選購商品時應注意標示是否完整，保留購物憑證，遇有消費爭議可向本會投訴。';

// A 1.2 bundle whose article `figures` has `count` figures of 800x400 (files `figs/f<N>.png`, or
// what `srcOf(n)` says), each between two paragraphs; with `count` 0 the same text without them.
// `files`: the PNGs to serve beside it.
export function figureBundle(count, { srcOf = (n) => `figs/f${n}.png`, altOf = (n) => `示意圖${n + 1}` } = {}) {
  const body = [];
  for (let n = 0; n < 12; n++) {
    body.push(`${n + 1}. ${PARAGRAPH}`);
    if (n < count) body.push({ type: 'figure', src: srcOf(n), width: 800, height: 400, alt: altOf(n), caption: `圖${n + 1}` });
  }
  body.push('完。');
  const bundle = {
    format: { name: 'article-reader-bundle', version: '1.2' },
    site: { name: '消費者保護中心', locale: 'zh-Hant' },
    categories: [{ id: 'news', name: '新聞' }],
    articles: [{ id: 'figures', category: 'news', title: '十二張圖的文章', published: '2026-03-15T09:00:00+08:00', body }],
  };
  const files = {};
  for (let n = 0; n < count; n++) files[`figs/f${n}.png`] = makePng(800, 400, COLOURS[n % COLOURS.length]);
  return { bundle, files };
}
