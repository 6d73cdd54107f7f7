// Loads a TimelineJS3 JSON file in Knight Lab's real TimelineJS, in headless Chromium, and
// prints what it built: {"slides": N, "errors": [...]}. Exits 1 when the page reports an error.
//
// node load_in_timelinejs.cjs TIMELINE.json TIMELINEJS_DIST_DIR
// (playwright-core found through NODE_PATH; Chromium at $CHROMIUM or /usr/bin/chromium)

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [timelineFile, dist] = process.argv.slice(2);
  const data = fs.readFileSync(timelineFile, 'utf8');
  JSON.parse(data);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'timelinejs-check-'));
  const page_file = path.join(dir, 'index.html');
  // The data goes inline: a file:// page may not fetch another file.
  fs.writeFileSync(page_file, `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${dist}/css/timeline.css">
<script src="file://${dist}/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
  window.loaded = false;
  const data = ${data.replace(/<\//g, '<\\/')};
  const timeline = new TL.Timeline('timeline', data, {language: 'en'});
  timeline.on('loaded', () => { window.loaded = true; });
</script>
</body></html>`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run'],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    // Only the page's own files: nothing from the network.
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto('file://' + page_file);
    await page.waitForFunction(() => window.loaded, null, { timeout: 30000 });
    const slides = await page.evaluate(() => document.querySelectorAll('.tl-slide').length);
    const markers = await page.evaluate(() => document.querySelectorAll('.tl-timemarker').length);
    const message = await page.evaluate(() => {
      const m = document.querySelector('.tl-message-full');
      return m ? m.textContent : null;
    });
    // Blocked network requests (web fonts) are not errors of the data.
    const real = errors.filter((e) => !e.includes('net::ERR_FAILED'));
    console.log(JSON.stringify({ slides, markers, message, errors: real }));
    process.exitCode = real.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(String(error));
  process.exitCode = 2;
});
