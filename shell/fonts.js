// The faces the reader draws with: the browser's CJK fonts by name, or, when the browser has none
// that draws Chinese, the subset fallback font built beside this file (fonts/reader-fallback.otf).

// The fonts glyphs are drawn with: CJK faces common on each platform first, then the system's.
export const FONT_STACK = '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", ' +
  '"Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
// The serif (Ming / Song) faces for the body when a reader picks 明體.
export const SERIF_STACK = '"Noto Serif CJK TC", "Noto Serif TC", "Source Han Serif TC", "PMingLiU", "Songti TC", ' +
  '"Noto Serif CJK SC", "Songti SC", "SimSun", serif';
const FALLBACK_FONT = new URL('fonts/reader-fallback.otf', import.meta.url);

// Can this browser draw Chinese with the fonts it has? Two different characters drawn with no CJK
// font come out as the same "missing glyph" box (or as nothing).
function browserDrawsChinese() {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(32, 32) : document.createElement('canvas');
    canvas.width = canvas.height = 32;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return false;
    ctx.font = `24px ${FONT_STACK}`;
    const draw = (ch) => {
      ctx.clearRect(0, 0, 32, 32);
      ctx.fillText(ch, 4, 26);
      return ctx.getImageData(0, 0, 32, 32).data;
    };
    const a = draw('中');
    const b = draw('國');
    let ink = false;
    let differ = false;
    for (let i = 3; i < a.length; i += 4) {
      ink ||= a[i] > 0;
      differ ||= a[i] !== b[i];
    }
    return ink && differ;
  } catch {
    return false;
  }
}

// The fallback font's bytes when the browser cannot draw Chinese (or `font: 'fallback'` forces it).
export async function fallbackFontIfNeeded(option) {
  if (option !== 'fallback' && browserDrawsChinese()) return null;
  try {
    const response = await fetch(FALLBACK_FONT);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;  // no font to be had (offline, file://): draw with what the browser has
  }
}
