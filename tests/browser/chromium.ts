// Real Chromium for the browser tests: Debian's `chromium` package driven by playwright-core (Playwright's
// own browser download does not work on these machines).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. The browser tests need it and the CJK fonts: ` +
        '`apt-get install chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    );
  }
  // Without a CJK font Chinese renders as boxes, and screenshots would hide it.
  let cjkFonts = '';
  try {
    cjkFonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // fc-list missing: fontconfig is not installed either
  }
  if (!cjkFonts.trim()) {
    throw new Error('No Chinese (CJK) font is installed: `apt-get install fonts-noto-cjk`.');
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
