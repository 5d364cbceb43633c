// axe-core (npm, a dependency of tests/browser) on a page: injected the same way on every page, by
// evaluating its source in the page (no <script> tag, so a page's CSP does not matter).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's violations on the page as "rule: target, target" lines (empty when clean).
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(() => window.axe.run(document).then((r) => r.violations.map((v) =>
    `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)));
}
