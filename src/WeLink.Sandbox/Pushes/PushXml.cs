using System.Globalization;
using System.Text;

namespace WeLink.Sandbox.Pushes;

/// <summary>Writes push plaintext the way WeChat does: strings in CDATA, numbers bare, one root &lt;xml&gt;.</summary>
public sealed class PushXml
{
    private readonly StringBuilder _body = new();

    public PushXml Text(string name, string? value)
    {
        if (value is not null)
        {
            _body.Append('<').Append(name).Append("><![CDATA[")
                .Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal))
                .Append("]]></").Append(name).Append('>');
        }

        return this;
    }

    public PushXml Number(string name, long value)
    {
        _body.Append('<').Append(name).Append('>')
            .Append(value.ToString(CultureInfo.InvariantCulture))
            .Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>Nested elements such as template_card_event's SelectedItems.</summary>
    public PushXml Element(string name, PushXml inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _body.Append('<').Append(name).Append('>').Append(inner._body).Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>Appends the other builder's elements at this level.</summary>
    public PushXml Merge(PushXml other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _body.Append(other._body);
        return this;
    }

    public override string ToString() => "<xml>" + _body + "</xml>";
}
