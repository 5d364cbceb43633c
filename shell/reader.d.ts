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
/**
 * The reader's own words (chrome, not content); default: the bundle's `site.locale`. Any BCP 47 tag
 * of Chinese (zh-Hant, zh-TW, zh-HK: Traditional; other zh: Simplified) or English; others are refused.
 */
export type Locale = 'zh-Hant' | 'zh-Hans' | 'en' | string;
/** At the content's top or bottom, a wheel step or a swipe scrolls the page ('auto') or nothing ('contain'). */
export type Overscroll = 'auto' | 'contain';

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
  /** The URL fragment follows the view (#/article/<id>) and the back button moves the reader; default false. */
  hashRouting?: boolean;
  /** Overscroll chaining of the wheel and of swipes, as a scrolling <div> does; default 'auto'. */
  // Colours from the page: the CSS custom properties --reader-background, --reader-text,
  // --reader-link and --reader-muted on the element (docs/embedding.md, "Theming from your CSS").
  overscroll?: Overscroll;
  /** Accessible name of the reader's hidden search input (IME, phone keyboards); default "Search". */
  searchLabel?: string;
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
  /** Script conversion tables the page already has, by file name ('t2s.txt', 's2t.txt'): used
   *  instead of fetching them (the standalone file carries t2s.txt). */
  scriptTables?: { [file: string]: Uint8Array };
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
  /** A split bundle's prebuilt search index: shards loaded, and whether the search shown awaits more. */
  indexShards: number; fetchingIndex: boolean;
}

/**
 * Listened to with on()/off(); the container element (the <article-reader> itself) also receives
 * each as a bubbling CustomEvent whose `detail` is the listener's argument: 'reader-ready',
 * 'reader-error', 'articleopen', 'placechange', 'highlight', 'note', 'bookmark'.
 */
export interface ReaderEvents {
  /** The first view is drawn. */
  ready: () => void;
  /** A load failed; the message says what and where. The last good bundle stays. */
  error: (message: string) => void;
  /** An article opened (by a click, a link, open() or the history). */
  articleopen: (id: string) => void;
  /** The view moved; its URL fragment. */
  placechange: (fragment: string) => void;
  /** A highlight was added, changed (its colour) or removed by the reader, or came in by importAnnotations(). */
  highlight: (change: AnnotationChange) => void;
  /** A highlight's note was added, changed or removed. */
  note: (change: AnnotationChange) => void;
  /** An article was bookmarked, or its bookmark removed. */
  bookmark: (change: AnnotationChange) => void;
}

/**
 * A highlight (with its note) or a bookmark as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/):
 * the target's source is the bundle's URL and '#/article/<id>'; a highlight's selectors point into the
 * article's body texts without their readings, in the bundle's own script, joined by line breaks.
 */
export interface Annotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'bookmarking';
  created: string;
  modified: string;
  /** Highlights: its colour (purpose 'tagging': yellow, green, blue, pink) and its note (purpose 'commenting'), if any. */
  body?: { type: 'TextualBody'; purpose: 'tagging' | 'commenting'; value: string }[];
  target: {
    source: string;
    selector?: (
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}

export interface AnnotationChange {
  action: 'added' | 'changed' | 'removed';
  annotation: Annotation;
}

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; error: string };

export interface Reader {
  /**
   * Resolves when the first view (the bundle's, or its error) has been drawn. Rejects when the module
   * cannot start (a missing or broken reader-module.wasm: the message names the file and the cause);
   * the box then shows the message with a retry button, and `ready` fires on() after a good retry.
   */
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
  /** The articles listed now: a category's list, or the search view's results in their order; [] in an article. */
  list(): ListedArticle[];
  /** The URL fragment of the current view ('#/', '#/category/<id>', '#/article/<id>', '#/search/<query>', with the filters after it: '#/search/<query>?category=<id>&year=2024&month=3'), also when hash routing is off. */
  fragment(): string;
  /** Saved like the reader's own switches; resolves to false when a value was not one the reader takes (it warns in the console). */
  setOptions(changes: Partial<Pick<MountOptions, 'fontSize' | 'rubyMode' | 'toneColors' | 'theme' | 'script' | 'serif' | 'locale' | 'debug' | 'log'>>): Promise<boolean>;
  /** This bundle's highlights, notes and bookmarks, as they are stored (in the origin's IndexedDB). */
  annotations(): Annotation[];
  /**
   * Merges annotations (a JSON text, or what annotations() gave): new ids are added, newer versions of
   * stored ones replace them, the same passage is never added twice. A text that is not JSON, over
   * 10 MB, or of another site is refused with the reason; nothing stored is lost either way.
   */
  importAnnotations(json: string | Annotation[]): ImportResult;
  on<E extends keyof ReaderEvents>(event: E, listener: ReaderEvents[E]): void;
  /** Removes a listener on() added. */
  off<E extends keyof ReaderEvents>(event: E, listener: ReaderEvents[E]): void;
  /** Removes the canvas and the mirror, every listener, and drops the WebAssembly instance. */
  destroy(): void;
  /** The browser's print dialog: the page prints the view's text (an article as a page of print). */
  print(): void;
  loadStats(): LoadStats | null;
  /**
   * What a search view costs beyond the search (ms, timed in the module, for the benchmark): the index's
   * search to 500 results, the view's results, the excerpts of those 500 and then their sub-results, and
   * the filters' counts: finding every match, then counting.
   */
  findTimings(query: string): {
    results: number; matching: number; searchMs: number; viewMs: number; excerptsMs: number; subResultsMs: number; matchMs: number; facetsMs: number;
  } | null;
  framesDrawn(): number;
  frameTimes(): number[];
  /** Figures' images: textures kept, their GPU bytes (w*h*4) and the budget, requests unanswered, uploads so far, the zoom view open. */
  imageStats(): { textures: number; bytes: number; budget: number; pending: number; uploads: number; zoom: boolean } | null;
  itemRect(key: string): { x: number; y: number; w: number; h: number } | null;
  describeLines(paragraph: string, width: number, mode?: RubyMode): string | null;
  fontSource(): 'canvas' | 'fallback';
  glyphStats(): { glyphs: number; batches: number; ms: number };
}

/** The reader's version (the package's), e.g. '1.0.0'. */
export const version: string;

/**
 * Mounts a reader filling `element` (give it a size); returns at once. Throws a TypeError when
 * `element` is not an element; on an element that has a reader, returns that reader.
 */
export function mount(element: HTMLElement, options?: MountOptions): Reader;

/**
 * <article-reader src font-size ruby-mode tone-colors theme script locale overscroll hash-routing mirror>:
 * each attribute is also a property (el.fontSize, el.hashRouting, ...), and a change after mount
 * applies for this visit (never saved); a removed attribute restores the default. Moving the element
 * within the page keeps its reader; taking it off the page destroys it.
 */
export class ArticleReaderElement extends HTMLElement {
  /** Every attribute above: a change applies to the mounted reader. */
  static readonly observedAttributes: string[];
  /** The attributes as properties: null when absent (flags: their default). */
  src: string | null;
  fontSize: FontSize | null;
  rubyMode: RubyMode | null;
  toneColors: ToneColors | null;
  theme: Theme | null;
  script: Script | null;
  locale: Locale | null;
  overscroll: Overscroll | null;
  /** hash-routing="true"; default false. */
  hashRouting: boolean;
  /** mirror="false" turns the text mirror off; default true. */
  mirror: boolean;
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
