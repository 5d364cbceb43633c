// The embedding API, the one module a page imports (types: reader.d.ts, use: docs/embedding.md):
// mount(element, options) -> a reader instance (mount.js), and the <article-reader> element
// (article_reader_element.js), defined by importing this. The other modules beside it are the
// reader's parts, each named after its concern; none of them is meant to be imported by a page.
import { mount } from './mount.js';
import { ArticleReaderElement } from './article_reader_element.js';

// The reader's version: the VERSION file's, written in by the build (cmake/stamp_version.cmake).
export const version = '@READER_VERSION@';
export { mount, ArticleReaderElement };
