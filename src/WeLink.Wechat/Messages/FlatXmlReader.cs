using System.Buffers;

namespace WeLink.Wechat.Messages;

/// <summary>
/// A fast path for the shape nearly every callback envelope has: one root element holding flat
/// children whose text is plain ASCII or one CDATA section, e.g.
/// <c>&lt;xml&gt;&lt;ToUserName&gt;&lt;![CDATA[ww1]]&gt;&lt;/ToUserName&gt;&lt;Encrypt&gt;…&lt;/Encrypt&gt;&lt;/xml&gt;</c>.
/// It accepts only a strict subset of well-formed XML in which nothing needs decoding or normalizing
/// (no declaration, DTD, comment, attribute, reference, carriage return or non-ASCII character) and
/// yields exactly the tree <see cref="PayloadReader"/>'s <see cref="System.Xml.XmlReader"/> path would.
/// Anything else, including everything malformed or hostile, returns null and goes to that path, so
/// refusals and their errors stay the hardened reader's. It exists because reading an envelope with an
/// XmlReader took as long as verifying and decrypting the 1 KB push inside it, and several times the memory.
/// </summary>
internal static class FlatXmlReader
{
    private const string CdataStart = "<![CDATA[";
    private const string CdataEnd = "]]>";

    /// <summary>Printable ASCII, tab and line feed: characters XML takes as they are.</summary>
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create("\t\n" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    public static PayloadNode? TryRead(string body)
    {
        var text = body.AsSpan();
        var at = SkipWhitespace(text, 0);
        if (!TryReadStartTag(text, ref at, out var rootName))
        {
            return null;
        }

        var children = new List<PayloadNode>();
        while (true)
        {
            at = SkipWhitespace(text, at);
            if (text[at..].StartsWith("</", StringComparison.Ordinal))
            {
                break;
            }

            if (!TryReadStartTag(text, ref at, out var name)
                || !TryReadContent(text, ref at, out var value)
                || !TryReadEndTag(text, ref at, name))
            {
                return null;
            }

            children.Add(new PayloadNode(name.ToString(), value, []));
        }

        if (!TryReadEndTag(text, ref at, rootName) || SkipWhitespace(text, at) != text.Length)
        {
            return null;
        }

        return new PayloadNode(rootName.ToString(), string.Empty, children);
    }

    private static bool TryReadStartTag(ReadOnlySpan<char> text, ref int at, out ReadOnlySpan<char> name)
    {
        name = default;
        if (at >= text.Length || text[at] != '<')
        {
            return false;
        }

        var nameLength = NameLength(text[(at + 1)..]);
        if (nameLength == 0 || at + 1 + nameLength >= text.Length || text[at + 1 + nameLength] != '>')
        {
            return false;
        }

        name = text.Slice(at + 1, nameLength);
        at += nameLength + 2;
        return true;
    }

    private static bool TryReadEndTag(ReadOnlySpan<char> text, ref int at, ReadOnlySpan<char> name)
    {
        var rest = text[at..];
        if (rest.Length < name.Length + 3
            || !rest.StartsWith("</", StringComparison.Ordinal)
            || !rest.Slice(2, name.Length).SequenceEqual(name)
            || rest[name.Length + 2] != '>')
        {
            return false;
        }

        at += name.Length + 3;
        return true;
    }

    /// <summary>Either one CDATA section or plain text (possibly empty), trimmed as the XmlReader path trims.</summary>
    private static bool TryReadContent(ReadOnlySpan<char> text, ref int at, out string value)
    {
        value = string.Empty;
        var rest = text[at..];
        ReadOnlySpan<char> content;
        int consumed;
        if (rest.StartsWith(CdataStart, StringComparison.Ordinal))
        {
            var length = rest[CdataStart.Length..].IndexOf(CdataEnd, StringComparison.Ordinal);
            if (length < 0)
            {
                return false;
            }

            content = rest.Slice(CdataStart.Length, length);
            consumed = CdataStart.Length + length + CdataEnd.Length;
        }
        else
        {
            // Text ends at the next tag; a reference or a ']' (which could open a "]]>", not allowed
            // in text) is left to the full reader.
            consumed = rest.IndexOfAny('<', '&', ']');
            if (consumed < 0 || rest[consumed] != '<')
            {
                return false;
            }

            content = rest[..consumed];
        }

        if (!IsPlainAscii(content))
        {
            return false;
        }

        value = content.Trim().ToString();
        at += consumed;
        return true;
    }

    private static bool IsPlainAscii(ReadOnlySpan<char> content) => !content.ContainsAnyExcept(PlainAscii);

    /// <summary>The length of an ASCII name, [A-Za-z_][A-Za-z0-9_]*; other legal XML names take the full path.</summary>
    private static int NameLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return 0;
        }

        var length = 1;
        while (length < text.Length && (char.IsAsciiLetterOrDigit(text[length]) || text[length] == '_'))
        {
            length++;
        }

        return length;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t' or '\n')
        {
            at++;
        }

        return at;
    }
}
