// The sample bundle's images and attachment, drawn at build time (never committed):
//   sample-assets/complaints-chart.png  a bar chart of the complaint analysis' counts, read from
//                                       its table in the bundle
//   sample-assets/grassland.png         a photo-like grassland with yurts, for the pastoral article
//   sample-assets/gongshi-banfa.pdf     the notice's attachment: a one-page PDF with its text
// Usage: node scripts/sample-assets.mjs BUNDLE OUTDIR. Plain node (zlib for PNG's deflate), so that
// the web build, which has node already, and the native build draw the same files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png.mjs';

const CHART_ARTICLE = '2026-01-16-2025-niandu-tousu-fenxi';
const [bundlePath, outDir] = process.argv.slice(2);
if (!bundlePath || !outDir) {
  console.error('usage: node scripts/sample-assets.mjs BUNDLE OUTDIR');
  process.exit(2);
}

class Canvas {
  constructor(width, height, fill) {
    Object.assign(this, { width, height, rgb: Buffer.alloc(width * height * 3) });
    this.rect(0, 0, width, height, fill);
  }
  set(x, y, [r, g, b]) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.rgb.set([r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(v)))), (y * this.width + x) * 3);
  }
  rect(x0, y0, w, h, colour) {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++)
      for (let x = Math.max(0, x0); x < Math.min(this.width, x0 + w); x++) this.set(x, y, colour);
  }
  png() { return encodePng(this.width, this.height, this.rgb); }
}

// [SECTION] The chart: one bar per row of the article's table (its total left out), scaled to the
// largest, on a light grid. No lettering (the figure's caption and alt text name the bars).
function drawChart(bundle) {
  const article = bundle.articles.find((a) => a.id === CHART_ARTICLE);
  const table = article?.body.find((block) => block && block.type === 'table');
  if (!table) throw new Error(`${bundlePath}: article ${CHART_ARTICLE} has no table to chart`);
  const counts = table.rows.slice(0, -1).map((row) => Number(row[1]));
  if (counts.some((n) => !Number.isFinite(n))) throw new Error(`${bundlePath}: a count of ${CHART_ARTICLE} is not a number`);
  const canvas = new Canvas(640, 320, [255, 255, 255]);
  const top = 20, bottom = 290, left = 40, right = 620, max = Math.max(...counts);
  for (let step = 0; step <= 4; step++) canvas.rect(left, Math.round(bottom - (bottom - top) * step / 4), right - left, 1, [222, 226, 232]);
  const colours = [[196, 58, 49], [225, 130, 40], [64, 120, 190], [130, 140, 150]];
  const slot = (right - left) / counts.length;
  counts.forEach((count, i) => {
    const height = Math.round((bottom - top) * count / max);
    canvas.rect(Math.round(left + slot * i + slot * 0.2), bottom - height, Math.round(slot * 0.6), height, colours[i % colours.length]);
  });
  canvas.rect(left, bottom, right - left, 2, [60, 60, 60]);
  canvas.rect(left, top, 2, bottom - top, [60, 60, 60]);
  return canvas.png();
}

// [SECTION] The photo: sky graded to the horizon, a low sun with a halo, two ranges of rolling
// hills shaded by slope, a grass texture from a fixed hash (the same bytes on every build), yurts.
function drawGrassland() {
  const width = 480, height = 270, canvas = new Canvas(width, height, [0, 0, 0]);
  const hash = (x, y) => (((x * 73856093) ^ (y * 19349663)) >>> 0) % 1000 / 1000;
  const far = (x) => 150 + 14 * Math.sin(x / 57) + 8 * Math.sin(x / 23 + 1);
  const near = (x) => 185 + 18 * Math.sin(x / 91 + 2) + 6 * Math.sin(x / 31);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = y / 160, sun = Math.hypot(x - 360, y - 70);
      let colour = [90 + 120 * t, 150 + 80 * t, 225 + 20 * t];
      if (sun < 60) colour = colour.map((v, i) => v + (60 - sun) * [2.4, 2.0, 0.6][i]);
      if (sun < 18) colour = [255, 246, 205];
      if (y > far(x)) colour = [110 - 20 * t, 150 - 10 * t, 110 - 25 * t];
      if (y > near(x)) {
        const slope = near(x + 1) - near(x), depth = (y - near(x)) / 100, grain = hash(x, y) * 10;
        colour = [96 + 40 * slope + 30 * depth + grain, 150 + 30 * slope + 20 * depth + grain, 60 + 10 * depth];
      }
      canvas.set(x, y, colour);
    }
  }
  for (const [cx, base, r] of [[120, 205, 16], [165, 210, 12]]) {
    for (let y = base - r; y <= base; y++) {
      for (let x = cx - r; x <= cx + r; x++) {
        const dome = y < base - r * 0.45 ? Math.hypot((x - cx) / r, (y - (base - r * 0.45)) / (r * 0.55)) <= 1 : true;
        if (dome) canvas.set(x, y, x < cx ? [236, 232, 222] : [208, 204, 196]);
      }
    }
    canvas.rect(cx - 3, base - Math.round(r * 0.45), 6, Math.round(r * 0.45) + 1, [150, 70, 50]);
  }
  return canvas.png();
}

// [SECTION] The PDF: one A4 page of text in MSung-Light (a CJK font every PDF reader has, PDF 1.7
// §9.7.5.2, so none is embedded), UCS-2 codes; objects, cross-reference table and trailer written
// with their byte offsets.
const NOTICE = [
  '内蒙古自治區消費投訴信息公示辦法（試行）',
  '',
  '第一條　爲規範消費投訴信息公示工作，引導經營者誠信經營，',
  '根據有關法律法規，制定本辦法。',
  '第二條　市場監管部門通過全國12315平台受理的消費投訴，',
  '按季度公示被投訴經營者名稱、投訴數量和處理結果。',
  '第三條　經營者對公示信息有異議的，可以自公示之日起',
  '10個工作日内提出書面申請並提供相關證據。',
  '第四條　本辦法自2024年6月1日起施行，有效期2年。',
];
function drawPdf() {
  const hex = (text) => [...text].map((c) => c.codePointAt(0).toString(16).padStart(4, '0')).join('').toUpperCase();
  const lines = NOTICE.map((line, i) => (i === 0 ? '' : 'T* ') + `<${hex(line)}> Tj`).join('\n');
  const content = `BT /F1 15 Tf 22 TL 60 770 Td\n${lines}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /MSung-Light /Encoding /UniCNS-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MSung-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /MSung-Light /Flags 6 /FontBBox [-160 -249 1015 1071] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const dir = join(outDir, 'sample-assets');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'complaints-chart.png'), drawChart(bundle));
writeFileSync(join(dir, 'grassland.png'), drawGrassland());
writeFileSync(join(dir, 'gongshi-banfa.pdf'), drawPdf());
