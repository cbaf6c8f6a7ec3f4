using System.Text.Json;
using System.Xml;

namespace WeLink.Wechat.Messages;

/// <summary>
/// Reads callback payloads (envelopes and decrypted messages) into <see cref="PayloadNode"/> trees,
/// refusing anything that could make the parser do more than read: DTDs, entities, external
/// resources, oversized or deeply nested documents.
/// </summary>
internal static class PayloadReader
{
    /// <summary>Largest payload accepted, in characters. Real pushes are a few kilobytes.</summary>
    public const int MaxPayloadChars = 256 * 1024;

    private const int MaxDepth = 16;

    private static readonly XmlReaderSettings SecureXmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxPayloadChars,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxDepth };

    public static PayloadNode ReadXml(string body)
    {
        ThrowIfTooLarge(body);
        return FlatXmlReader.TryRead(body) ?? ReadXmlWithXmlReader(body);
    }

    /// <summary>The hardened full reader, for everything <see cref="FlatXmlReader"/> does not take.</summary>
    public static PayloadNode ReadXmlWithXmlReader(string body)
    {
        ThrowIfTooLarge(body);
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), SecureXmlSettings);
            reader.MoveToContent();
            var root = ReadElement(reader, depth: 0);
            while (reader.Read())
            {
                // Drains the rest so that trailing garbage after the root element is refused too.
            }

            return root;
        }
        catch (XmlException ex)
        {
            throw new CallbackPayloadException("The payload is not acceptable XML.", ex);
        }
    }

    public static PayloadNode ReadJson(string body)
    {
        ThrowIfTooLarge(body);
        try
        {
            using var document = JsonDocument.Parse(body, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CallbackPayloadException("The JSON payload is not an object.");
            }

            var children = new List<PayloadNode>();
            AddJsonProperties(document.RootElement, children);
            return new PayloadNode("xml", string.Empty, children);
        }
        catch (JsonException ex)
        {
            throw new CallbackPayloadException("The payload is not acceptable JSON.", ex);
        }
    }

    private static void ThrowIfTooLarge(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxPayloadChars)
        {
            throw new CallbackPayloadException($"The payload exceeds {MaxPayloadChars} characters.");
        }
    }

    private static PayloadNode ReadElement(XmlReader reader, int depth)
    {
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw new CallbackPayloadException("The payload has no root element.");
        }

        if (depth > MaxDepth)
        {
            throw new CallbackPayloadException("The payload is nested too deeply.");
        }

        var name = reader.LocalName;
        var children = new List<PayloadNode>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new PayloadNode(name, string.Empty, children);
        }

        string? text = null;
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    children.Add(ReadElement(reader, depth + 1));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    text = text is null ? reader.Value : text + reader.Value;
                    reader.Read();
                    break;
                case XmlNodeType.None:
                    throw new CallbackPayloadException("The payload ends inside an element.");
                default:
                    reader.Read();
                    break;
            }
        }

        reader.Read();
        return new PayloadNode(name, text?.Trim() ?? string.Empty, children);
    }

    private static void AddJsonProperties(JsonElement obj, List<PayloadNode> into)
    {
        foreach (var property in obj.EnumerateObject())
        {
            AddJsonValue(property.Name, property.Value, into);
        }
    }

    private static void AddJsonValue(string name, JsonElement value, List<PayloadNode> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddJsonValue(name, item, into);
                }

                break;
            case JsonValueKind.Object:
                var children = new List<PayloadNode>();
                AddJsonProperties(value, children);
                into.Add(new PayloadNode(name, string.Empty, children));
                break;
            case JsonValueKind.String:
                into.Add(new PayloadNode(name, value.GetString()!.Trim(), []));
                break;
            case JsonValueKind.Null:
                into.Add(new PayloadNode(name, string.Empty, []));
                break;
            default:
                into.Add(new PayloadNode(name, value.GetRawText(), []));
                break;
        }
    }
}
