// Debian's Chromium for the editor's browser tests, driven by playwright-core (which downloads no browser;
// `npm test` installs the package first, scripts/ensure-chromium.mjs), and where their screenshots go.
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.mjs';
import { tempDir } from './cli.js';

/** No GPU, no sandbox (tests may run as root), and nothing that would reach out to the network. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** docs/ when NEWSDESK_UPDATE_SCREENSHOTS=1 (the README's pictures), else a temp folder. */
export const SCREENSHOTS = process.env.NEWSDESK_UPDATE_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/', import.meta.url)) : tempDir('newsdesk-shots-');
