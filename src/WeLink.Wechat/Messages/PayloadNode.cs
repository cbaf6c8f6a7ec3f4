namespace WeLink.Wechat.Messages;

/// <summary>
/// One element of a callback payload, the same shape whether it came from XML or JSON: a name, its
/// trimmed text, and child elements (a JSON array becomes repeated children of one name, as in XML).
/// </summary>
internal sealed class PayloadNode(string name, string value, IReadOnlyList<PayloadNode> children)
{
    public string Name { get; } = name;

    public string Value { get; } = value;

    public IReadOnlyList<PayloadNode> Children { get; } = children;

    public PayloadNode? Child(string name) => Child(name, StringComparison.Ordinal);

    public PayloadNode? Child(string name, StringComparison comparison)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, name, comparison))
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<PayloadNode> ChildrenNamed(string name) => Children.Where(child => child.Name == name);

    /// <summary>The trimmed text of the first child of that name, or null when there is none.</summary>
    public string? Text(string name) => Child(name)?.Value;

    /// <summary>Like <see cref="Text"/>, but an empty element counts as absent.</summary>
    public string? NonEmptyText(string name) => Text(name) is { Length: > 0 } text ? text : null;

    public string RequiredText(string name) =>
        NonEmptyText(name) ?? throw new CallbackPayloadException($"The payload has no {name}.");
}
