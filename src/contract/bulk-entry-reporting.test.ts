import { describe, expect, it } from 'vitest';
import {
  bulkEntryIndex,
  entryDefectIndex,
  refusedEntries,
  reportUnderBulkRule,
} from './bulk-entry-reporting.ts';
import { checkSendBulkEmail } from './validate-send-bulk-email.ts';
import { violation } from './violation.ts';

function bulkBody(entries: unknown[]): unknown {
  return {
    FromEmailAddress: 'sender@example.com',
    DefaultContent: { Template: { TemplateName: 'welcome', TemplateData: '{}' } },
    BulkEmailEntries: entries,
  };
}

describe('which bulk entry a violation is about', () => {
  it('reads the entry from the path, for the entry itself and anything inside it', () => {
    expect(bulkEntryIndex({ path: '/BulkEmailEntries/12/Destination/ToAddresses/0' })).toBe(12);
    expect(bulkEntryIndex({ path: '/BulkEmailEntries/3' })).toBe(3);
    expect(bulkEntryIndex({ path: '/BulkEmailEntries' })).toBeUndefined();
    expect(bulkEntryIndex({ path: '/BulkEmailEntries/x/Destination' })).toBeUndefined();
    expect(bulkEntryIndex({ path: '/BulkEmailEntries/10x' })).toBeUndefined();
    expect(bulkEntryIndex({ path: '/DefaultContent/Template/TemplateData' })).toBeUndefined();
  });

  it('names an entry defect (C-BULK3, C-BULK4) only', () => {
    expect(entryDefectIndex({ rule: 'C-BULK3', path: '/BulkEmailEntries/2/Destination' })).toBe(2);
    expect(entryDefectIndex({ rule: 'C-BULK4', path: '/BulkEmailEntries/0/ReplacementTags/0/Name' })).toBe(0);
    // Inside an entry, but a SHOULD that keeps its own id: not one the entry is refused for.
    expect(entryDefectIndex({ rule: 'C-ADDR1', path: '/BulkEmailEntries/2/Destination/ToAddresses/0' })).toBe(
      undefined,
    );
    expect(entryDefectIndex({ rule: 'C-BULK2', path: '/BulkEmailEntries' })).toBeUndefined();
  });

  it('finds the entries of what the engine reports, one per bad entry', () => {
    const { violations } = checkSendBulkEmail(
      bulkBody([
        { Destination: { ToAddresses: ['good@example.com'] } },
        { Destination: { ToAddresses: ['no-at-sign'] } },
        { Destination: { ToAddresses: ['good@example.com'] } },
        {
          Destination: { ToAddresses: ['b@example.com'] },
          ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: '[]' } },
        },
      ]),
    );
    expect(violations.map(entryDefectIndex).sort()).toEqual([1, 3]);
    expect(violations.map((v) => v.rule).sort()).toEqual(['C-BULK3', 'C-BULK4']);
  });
});

describe('refusedEntries', () => {
  it('gives the entries refused one by one, or undefined when a violation is about the whole request', () => {
    const bad = violation('C-BULK3', '/BulkEmailEntries/2/Destination/ToAddresses/0', 'bad');
    const data = violation('C-BULK4', '/BulkEmailEntries/0/ReplacementTags/0/Name', 'empty');
    expect([...(refusedEntries([bad, data]) ?? [])].sort()).toEqual([0, 2]);
    expect(refusedEntries([])?.size).toBe(0);
    const whole = violation('C-ADDR1', '/FromEmailAddress', 'bad');
    expect(refusedEntries([bad, whole])).toBeUndefined();
  });
});

describe('reportUnderBulkRule', () => {
  it('reports a MUST inside an entry under its bulk rule, and leaves the entry itself alone', () => {
    const inside = violation('C-ADDR4', '/BulkEmailEntries/1/Destination/ToAddresses/0', 'not ASCII');
    expect(reportUnderBulkRule(inside)).toMatchObject({ rule: 'C-BULK3', cause: 'C-ADDR4' });
    const tags = violation('C-CONT8', '/BulkEmailEntries/1/ReplacementTags/0/Name', 'empty');
    expect(reportUnderBulkRule(tags)).toMatchObject({ rule: 'C-BULK4', cause: 'C-CONT8' });
    // A rule it would report under C-BULK3 inside the entry, but at the entry itself: left alone.
    const whole = violation('C-DEST2', '/BulkEmailEntries/1', 'has no recipient');
    expect(reportUnderBulkRule(whole)).toBe(whole);
  });
});
