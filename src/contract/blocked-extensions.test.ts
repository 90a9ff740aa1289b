import { describe, expect, it } from 'vitest';
import { BLOCKED_EXTENSIONS, blockedExtension } from './blocked-extensions.ts';

describe('blockedExtension', () => {
  it.each([
    ['invoice.exe', 'exe'],
    ['INVOICE.EXE', 'exe'],
    ['script.Ps1', 'ps1'],
    ['archive.tar.vbs', 'vbs'],
    ['widget.gadget', 'gadget'],
    ['  padded.bat  ', 'bat'],
    ['.js', 'js'],
  ])('%j is blocked as %s', (name, extension) => {
    expect(blockedExtension(name)).toBe(extension);
  });

  it.each([
    'report.pdf',
    'photo.jpeg',
    'exe',
    'notes.exe.txt',
    'trailing.exe.',
    'no-extension',
    '',
    'a.json',
  ])('%j is allowed', (name) => {
    expect(blockedExtension(name)).toBeUndefined();
  });

  it('holds the whole R22 list, lower case and without dots', () => {
    expect(BLOCKED_EXTENSIONS.size).toBe(90);
    for (const extension of BLOCKED_EXTENSIONS) expect(extension).toMatch(/^[a-z0-9]+$/);
  });
});
