/** `--reporter` / `--output`: both documented forms, the old single pair, and what cannot pair up. */
import { describe, expect, it } from 'vitest';
import { collectReporters, reportOutputs } from './report-outputs.ts';

describe('reportOutputs', () => {
  it('reads NAME=FILE lists, --reporter/--output pairs in order, and the old single form', () => {
    expect(reportOutputs(undefined, undefined)).toEqual([{ reporter: 'pretty' }]);
    expect(reportOutputs('junit', 'a.xml')).toEqual([{ reporter: 'junit', file: 'a.xml' }]);
    expect(reportOutputs(undefined, 'r.txt')).toEqual([{ reporter: 'pretty', file: 'r.txt' }]);
    expect(reportOutputs(['junit=a.xml,html=b.html'], undefined)).toEqual([
      { reporter: 'junit', file: 'a.xml' },
      { reporter: 'html', file: 'b.html' },
    ]);
    expect(reportOutputs(['junit', 'html'], ['a.xml', 'b.html'])).toEqual([
      { reporter: 'junit', file: 'a.xml' },
      { reporter: 'html', file: 'b.html' },
    ]);
    // One report may stay on standard output.
    expect(reportOutputs(['pretty,json=r.json'], undefined)).toEqual([
      { reporter: 'pretty' },
      { reporter: 'json', file: 'r.json' },
    ]);
  });

  it('refuses what does not pair up, naming the flag', () => {
    expect(() => reportOutputs(['junit'], ['a.xml', 'b.xml'])).toThrow(/--output b\.xml has no --reporter/);
    expect(() => reportOutputs(['junit', 'html'], undefined)).toThrow(
      /only one report can go to standard output/,
    );
    expect(() => reportOutputs(['junit=a.xml,html=a.xml'], undefined)).toThrow(
      /a\.xml is given for two reports/,
    );
    expect(() => collectReporters('junit,xml=a', undefined)).toThrow(/'xml' is not a reporter/);
    expect(() => collectReporters('html=', undefined)).toThrow(/names no file/);
    expect(collectReporters('html=b.html', ['junit'])).toEqual(['junit', 'html=b.html']);
  });
});
