// The browser tests drive Debian's Chromium (Playwright's own browser download cannot be fetched here) and need
// a CJK font, or Chinese renders as boxes. On a Debian machine where we are root, install both when missing,
// so the README's test command does everything; anywhere else, say exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasCjkFont = () => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

if (fs.existsSync(chromium) && hasCjkFont()) process.exit(0);

const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(
    `The browser tests need Chromium at ${chromium} and a CJK font. Install them, e.g. on Debian/Ubuntu:\n` +
      '  sudo apt-get install chromium fonts-noto-cjk\n(or set CHROMIUM_PATH to a Chromium binary)',
  );
  process.exit(1);
}
console.log('Installing Debian packages chromium and fonts-noto-cjk for the browser tests ...');
const run = (args) =>
  spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (run(['update', '-q']).status !== 0 || run(['install', '-y', '-q', 'chromium', 'fonts-noto-cjk']).status !== 0) {
  console.error('apt-get could not install chromium and fonts-noto-cjk; install them by hand and run the tests again.');
  process.exit(1);
}
