// The demo host page: one reader through mount(), one as <article-reader> (defined by importing
// reader.js). window.readers is for people poking at it and for the tests.
import { mount } from './reader.js';

const a = mount(document.getElementById('reader-a'), { bundle: 'sample-bundle.json', hashRouting: false });
window.readers = { a, b: document.getElementById('reader-b').reader };
