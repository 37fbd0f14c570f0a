using System.Buffers;
using System.Globalization;
using System.Text;

namespace FocusMate.Core.Validation;

/// <summary>
/// What people may type where others read it (names, chat): text that shows what it says. Control
/// characters, format characters (zero-width spaces, the bidi overrides U+202A–202E and isolates
/// U+2066–2069 that make text read backwards), lone surrogates and line separators are refused, and at
/// least one character must be visible: a name of blanks, or of Hangul fillers, shows nothing.
/// </summary>
public static class VisibleText
{
    /// <summary>The zero-width joiner, allowed only inside emoji sequences (👩‍💻), where it draws nothing on its own.</summary>
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>Letters and symbols that fonts draw as nothing: Hangul fillers, the Braille blank.</summary>
    private static readonly HashSet<int> Invisible = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    /// <summary>True when every character may be shown and at least one of them is visible.</summary>
    /// <param name="text">The text as sent.</param>
    /// <param name="lineBreaks">Whether line breaks and tabs are allowed (chat), or not (names).</param>
    public static bool IsAcceptable(string text, bool lineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        var visible = false;
        var previous = default(Rune);
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var used) != OperationStatus.Done)
            {
                return false; // a lone surrogate: not text, and not storable as UTF-8
            }

            var next = index + used < text.Length && Rune.TryGetRuneAt(text, index + used, out var after) ? after : default;
            if (!IsAllowed(rune, previous, next, lineBreaks))
            {
                return false;
            }

            visible |= IsVisible(rune);
            previous = rune;
            index += used;
        }

        return visible;
    }

    private static bool IsAllowed(Rune rune, Rune previous, Rune next, bool lineBreaks)
    {
        if (rune.Value is '\n' or '\r' or '\t')
        {
            return lineBreaks;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned => false,
            UnicodeCategory.Format => rune.Value == ZeroWidthJoiner ? IsPictograph(previous) && IsPictograph(next) : IsFlagTag(rune, previous),
            _ => true,
        };
    }

    private static bool IsVisible(Rune rune)
    {
        if (Invisible.Contains(rune.Value) || Rune.IsWhiteSpace(rune))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format or UnicodeCategory.Control);
    }

    /// <summary>The tag characters that spell a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿), after the flag or another tag.</summary>
    private static bool IsFlagTag(Rune rune, Rune previous) =>
        rune.Value is >= 0xE0020 and <= 0xE007F && (previous.Value == 0x1F3F4 || previous.Value is >= 0xE0020 and <= 0xE007F);

    /// <summary>An emoji or a symbol (or the variation selector that makes one an emoji).</summary>
    private static bool IsPictograph(Rune rune) =>
        rune.Value is >= 0x1F000 or 0xFE0F || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;
}
