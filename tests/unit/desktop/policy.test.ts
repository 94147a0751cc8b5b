import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, mayGrantPermission, mayNavigate, resolveAppFile } from '../../../electron/desktop/policy.ts';
import { mayOpenExternally } from '../../../electron/app/links.ts';

describe('the window may only show the app itself', () => {
  it.each([
    ['app://casebinder/index.html', true],
    ['app://casebinder/', true],
    ['app://casebinder/index.html#/document/4?page=2', true],
    ['app://casebinder/assets/index.js', true],
    ['app://other/index.html', false],
    ['app://user:pass@casebinder/index.html', false],
    ['file:///etc/passwd', false],
    ['file:///home/ana/records/report.pdf', false],
    ['https://casebinder/index.html', false],
    ['https://example.com/', false],
    ['http://localhost:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['chrome://settings', false],
    ['not a url', false],
    ['', false],
  ])('navigating to %s: %s', (url, allowed) => {
    expect(mayNavigate(url)).toBe(allowed);
    expect(isAppUrl(url)).toBe(allowed);
  });
});

describe('links that leave the app open in the browser only for the web, after the person agrees', () => {
  it.each([
    ['https://www.mayoclinic.org/appointments', true],
    ['http://example.org/second-opinion', true],
    ['https://user:secret@example.org/', false],
    ['mailto:records@hospital.org', false],
    ['file:///home/ana/.ssh/id_rsa', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['app://casebinder/index.html', false],
    ['ms-settings:privacy', false],
    ['https://', false],
    ['', false],
  ])('%s: %s', (url, opens) => {
    expect(mayOpenExternally(url)).toBe(opens);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'pointerLock', 'openExternal', 'hid', 'serial', 'usb', 'unknown'])(
    '%s is refused, even to the app itself',
    (permission) => {
      expect(mayGrantPermission(permission, 'app://casebinder/index.html')).toBe(false);
      expect(mayGrantPermission(permission, 'https://example.com/')).toBe(false);
    },
  );
});

describe('who may call the back end', () => {
  it.each([
    ['app://casebinder/index.html', true, true],
    ['app://casebinder/index.html', false, false],
    ['https://example.com/', true, false],
    [undefined, true, false],
  ])('frame %s (main frame: %s): %s', (url, main, trusted) => {
    expect(isTrustedSender(url, main)).toBe(trusted);
  });
});

describe('which file an app:// URL serves', () => {
  const root = path.resolve('/app/out/renderer');
  it.each([
    ['app://casebinder/', path.join(root, 'index.html')],
    ['app://casebinder/index.html', path.join(root, 'index.html')],
    ['app://casebinder/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['app://casebinder/pdfjs/cmaps/UniJIS-UCS2-H.bcmap', path.join(root, 'pdfjs/cmaps/UniJIS-UCS2-H.bcmap')],
    ['app://casebinder/../../../etc/passwd', path.join(root, 'etc/passwd')],
    // The URL parser itself folds encoded dot segments, so these stay inside the root.
    ['app://casebinder/%2e%2e/%2e%2e/etc/passwd', path.join(root, 'etc/passwd')],
    ['app://casebinder/assets/%00.js', null],
    ['app://casebinder/%E0%A4%A', null],
    ['app://other/index.html', null],
    ['file:///etc/passwd', null],
  ])('%s -> %s', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(file);
  });

  it('never serves a file outside the window\'s folder, however the URL is written', () => {
    const hostile = ['..', '%2e%2e', '%2E%2E', '..%2f..', '%2e%2e%2f%2e%2e', '..%5c..', '....//', '.%2e', '%252e%252e', '%c0%ae%c0%ae'];
    for (const step of hostile) {
      for (const url of [`app://casebinder/${step}/${step}/etc/passwd`, `app://casebinder/assets/${step}/${step}/${step}/secret`]) {
        const file = resolveAppFile(root, url);
        if (file !== null) expect(file.startsWith(root + path.sep), `${url} -> ${file}`).toBe(true);
      }
    }
  });
});
