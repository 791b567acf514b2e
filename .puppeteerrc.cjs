// Puppeteer's own browser download is skipped during `npm install`; the
// project's setup step (src/setup) finds or installs a browser instead.
module.exports = { skipDownload: true };
