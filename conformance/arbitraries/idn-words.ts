/**
 * Real words in several scripts, used as U-labels. Drawn from a list rather than from random code
 * points so every one is a valid IDNA2008 label (random code points trip bidi and context rules,
 * which are C-ADDR7's business, not a valid case's). Emoji are absent: IDNA2008 allows none.
 */
export const IDN_WORDS = {
  latin: ['bücher', 'café', 'müller', 'münchen', 'señor', 'façade', 'øresund', 'łódź', 'čeština', 'straße'],
  greek: ['ελληνικά', 'παράδειγμα', 'δοκιμή', 'αθήνα'],
  cyrillic: ['пример', 'москва', 'испытание', 'почта'],
  cjk: ['例子', '中文', '日本語', '测试', '한국어'],
  arabic: ['مثال', 'عربي', 'اختبار'],
  devanagari: ['उदाहरण', 'हिंदी', 'परीक्षा'],
} as const;

export type IdnScript = keyof typeof IDN_WORDS;
