// Runs @mozilla/readability over an AEB-style folder (ID.html + ID.json with url) in this one
// process, on the DOM named by the first argument, and writes ID.txt (the article's textContent)
// per page into OUTDIR. Timing covers extraction alone (parse + Readability), after warm-up
// passes, like `news-harvester eval` (seconds are per timed pass). Last line: "timing pages=N seconds=S".
//
// usage: node run.mjs linkedom|jsdom DATASET_DIR OUTDIR
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';

const [dom, dataDir, outDir] = process.argv.slice(2);
if (!['linkedom', 'jsdom'].includes(dom) || !dataDir || !outDir) {
  console.error('usage: node run.mjs linkedom|jsdom DATASET_DIR OUTDIR');
  process.exit(2);
}

let parse;
if (dom === 'linkedom') {
  const { parseHTML } = await import('linkedom');
  parse = (html) => ({ document: parseHTML(html).document, close() {} });
} else {
  const { JSDOM } = await import('jsdom');
  parse = (html, url) => {
    let page;
    try {
      page = new JSDOM(html, url ? { url } : {});
    } catch {
      page = new JSDOM(html); // a URL jsdom refuses
    }
    return { document: page.window.document, close: () => page.window.close() };
  };
}

const pages = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const id = f.slice(0, -5);
  const record = JSON.parse(readFileSync(join(dataDir, f), 'utf8'));
  return { id, url: record.url, html: readFileSync(join(dataDir, id + '.html'), 'utf8') };
});

function extract(page) {
  const doc = parse(page.html, page.url);
  try {
    const article = new Readability(doc.document).parse();
    return article && article.textContent ? article.textContent : '';
  } catch {
    return '';
  } finally {
    doc.close();
  }
}

// The same passes as `news-harvester eval`: WARMUP untimed, then PASSES timed (env may lower them for slow peers).
const WARMUP = Number(process.env.WARMUP ?? 2);
const PASSES = Number(process.env.PASSES ?? 2);
for (let w = 0; w < WARMUP; w++) pages.forEach(extract);
const texts = new Array(pages.length);
const start = process.hrtime.bigint();
for (let t = 0; t < PASSES; t++) for (let i = 0; i < pages.length; i++) texts[i] = extract(pages[i]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9 / PASSES;

mkdirSync(outDir, { recursive: true });
pages.forEach((p, i) => writeFileSync(join(outDir, p.id + '.txt'), texts[i], 'utf8'));
console.log(`timing pages=${pages.length} seconds=${seconds.toFixed(6)}`);
