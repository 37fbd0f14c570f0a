// What people may type where others read it (names, what they work on): text that shows what it says, by
// the server's rule (VisibleText.cs). Control characters, format characters (zero-width spaces, the bidi
// overrides and isolates that make text read backwards), lone surrogates, line separators and unassigned
// code points are refused, and at least one character must be visible.

const zeroWidthJoiner = 0x200d;
/** Letters and symbols that fonts draw as nothing: Hangul fillers, the Braille blank. */
const invisible = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);

const refused = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Cn}]/u;
const format = /\p{Cf}/u;
const otherSymbol = /\p{So}/u;
const unseen = /[\s\p{Mn}\p{Me}\p{Mc}\p{Cf}\p{Cc}]/u;

/** An emoji or a symbol (or the variation selector that makes one an emoji). */
const isPictograph = (char: string | undefined) => {
  const code = char?.codePointAt(0) ?? 0;
  return code >= 0x1f000 || code === 0xfe0f || (char !== undefined && otherSymbol.test(char));
};

/** The tag characters that spell a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿), after the flag or another tag. */
const isTag = (code: number) => code >= 0xe0020 && code <= 0xe007f;
const isFlagTag = (code: number, previous: number) =>
  isTag(code) && (previous === 0x1f3f4 || isTag(previous));

function isAllowed(char: string, previous: string | undefined, next: string | undefined): boolean {
  if (refused.test(char)) return false;
  if (!format.test(char)) return true;
  const code = char.codePointAt(0) ?? 0;
  if (code === zeroWidthJoiner) return isPictograph(previous) && isPictograph(next);
  return isFlagTag(code, previous?.codePointAt(0) ?? 0);
}

const isVisible = (char: string) => !invisible.has(char.codePointAt(0) ?? 0) && !unseen.test(char);

/** True when every character may be shown (no line breaks) and at least one of them is visible. */
export function isShowableText(text: string): boolean {
  // Splitting by code point leaves a lone surrogate on its own, where \p{Cs} finds it.
  const chars = Array.from(text);
  return (
    chars.every((char, i) => isAllowed(char, chars[i - 1], chars[i + 1])) && chars.some((c) => isVisible(c))
  );
}

/** How the server measures a length: UTF-16 code units, once trimmed (an emoji may count as two). */
export const trimmedLength = (text: string) => text.trim().length;
