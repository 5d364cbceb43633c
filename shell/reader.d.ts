// Types of the embedding API (shell/reader.js): docs/embedding.md shows how to use it. This is the
// whole public surface: tests/browser/public_surface.test.mjs fails when the run-time surface has a
// name this file lacks, or this file one the run time lacks.

export type FontSize = 'small' | 'medium' | 'large';
/** Pinyin: above the characters, hidden, inline as the page printed it, or shown on hover/tap. */
export type RubyMode = 'above' | 'hidden' | 'inline' | 'on-demand';
export type ToneColors = 'none' | 'pleco' | 'mdbg';
export type Theme = 'auto' | 'light' | 'dark' | 'sepia' | 'gray' | 'high-contrast';
/** The text as the bundle has it, or converted at phrase level (OpenCC's dictionaries). */
export type Script = 'original' | 'traditional' | 'simplified';
/** The reader's own words (chrome, not content); default: the bundle's `site.locale`. */
export type Locale = 'zh-Hant' | 'zh-Hans' | 'en' | string;

/** A bundle as data/README.md describes it (format 1.x), already parsed. */
export interface Bundle {
  format: { name: 'article-reader-bundle'; version: string };
  site: { name: string; locale: string; [key: string]: unknown };
  categories: Array<{ id: string; name: string; parent?: string }>;
  articles: Array<{ id: string; category: string; title: string; published: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface MountOptions {
  /** A URL (relative to the page) of a bundle or a split bundle's index.json, or a parsed bundle. */
  /** A URL, a parsed bundle, or the bundle's bytes (passed through untouched: numbers stay exact). */
  bundle?: string | Bundle | Uint8Array | ArrayBuffer;
  fontSize?: FontSize;
  rubyMode?: RubyMode;
  toneColors?: ToneColors;
  theme?: Theme;
  script?: Script;
  /** The body in a serif (Ming / Song) face. */
  serif?: boolean;
  locale?: Locale;
  /** The URL fragment follows the view (#/article/<id>); default true. Turn off with several readers. */
  hashRouting?: boolean;
  /** The hidden text mirror for screen readers and find-in-page; default true. */
  mirror?: boolean;
  /** Download attempts for a bundle or shard on network errors and 5xx; default 4. */
  retries?: number;
  /** 'auto' (default) draws with the browser's fonts; 'fallback' forces the subset font. */
  font?: 'auto' | 'fallback';
  /** Label of the canvas for assistive technology; default "Article reader". */
  label?: string;
  /** Load the module with the debug panels (docs/debugging.md). */
  debug?: boolean;
  /** The reader's log in the console: 'debug' | 'info' | 'warn' | 'error'. */
  log?: string;
  /** The module's wasm bytes, when the page already has them (the standalone file). */
  wasmBinary?: Uint8Array;
}

export interface ReaderState {
  view: 'list' | 'article' | 'search';
  query: string | null;
  categoryId: string | null;
  articleId: string | null;
  fontSize: FontSize;
  rubyMode: RubyMode;
  toneColors: ToneColors;
  theme: Theme;
  script: Script;
  serif: boolean;
  /** The open article's title as shown (no pinyin, in the script), or null outside an article. */
  title: string | null;
  /** Where the reader is in the open article (0 top, 1 end), or null. */
  position: number | null;
  /** The sentence being read aloud (index), or null. */
  speaking: number | null;
  /** The last load's error ("line 3, column 14: ..." or "/articles/2/title: ..."), or null. */
  error: string | null;
}

export interface ListedArticle { id: string; title: string; published: string }

export interface LoadStats {
  bytes: number; parseMs: number; indexMs: number; articles: number; searchIndexBytes: number; heapBytes: number;
}

export interface ReaderEvents {
  /** The first view is drawn. */
  ready: () => void;
  /** A load failed; the message says what and where. The last good bundle stays. */
  error: (message: string) => void;
  /** An article opened (by a click, a link, open() or the history). */
  articleopen: (id: string) => void;
  /** The view moved; its URL fragment. */
  placechange: (fragment: string) => void;
}

export interface Reader {
  /** Resolves when the first view (the bundle's, or its error) has been drawn. */
  readonly ready: Promise<void>;
  /**
   * Loads another bundle; resolves to the error message, or null. A failure keeps the last good one.
   * Loads apply in the order they were called: one overtaken by a later load() while it was fetching
   * is dropped and resolves to 'overtaken by a later load()' (no `error` event).
   */
  load(source: string | Bundle | Uint8Array | ArrayBuffer): Promise<string | null>;
  /** Opens an article by id; false when the bundle has none. */
  open(id: string): boolean;
  back(): boolean;
  /** Ids of the articles a query finds (exact substrings; traditional = simplified). */
  search(query: string): string[];
  state(): ReaderState;
  /** The articles of the list shown now. */
  list(): ListedArticle[];
  /** The URL fragment of the current view, also when hash routing is off. */
  fragment(): string;
  /** Resolves to false when a value was not one the reader takes (it warns in the console). */
  setOptions(changes: Partial<Pick<MountOptions, 'fontSize' | 'rubyMode' | 'toneColors' | 'theme' | 'script' | 'serif' | 'locale' | 'debug' | 'log'>>): Promise<boolean>;
  on<E extends keyof ReaderEvents>(event: E, listener: ReaderEvents[E]): void;
  /** Removes the canvas and the mirror, every listener, and drops the WebAssembly instance. */
  destroy(): void;
  /** The browser's print dialog: the page prints the view's text (an article as a page of print). */
  print(): void;
  loadStats(): LoadStats | null;
  framesDrawn(): number;
  frameTimes(): number[];
  itemRect(key: string): { x: number; y: number; w: number; h: number } | null;
  describeLines(paragraph: string, width: number, mode?: RubyMode): string | null;
  fontSource(): 'canvas' | 'fallback';
  glyphStats(): { glyphs: number; batches: number; ms: number };
}

/** Mounts a reader filling `element` (give it a size); returns at once. */
/** The reader's version (the package's), e.g. '1.0.0'. */
export const version: string;
export function mount(element: HTMLElement, options?: MountOptions): Reader;

/** <article-reader src font-size ruby-mode theme locale hash-routing mirror> */
export class ArticleReaderElement extends HTMLElement {
  /** The attributes whose changes apply to a mounted reader: src, font-size, ruby-mode, theme, locale. */
  static readonly observedAttributes: string[];
  /** The element's reader while it is on the page, else null. */
  reader: Reader | null;
  /** Custom element reactions (the browser calls them): mount, destroy, apply an attribute. */
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, previous: string | null, value: string | null): void;
}

declare global {
  interface HTMLElementTagNameMap { 'article-reader': ArticleReaderElement }
}
