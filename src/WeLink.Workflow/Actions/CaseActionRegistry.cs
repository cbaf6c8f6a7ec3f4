namespace WeLink.Workflow.Actions;

/// <summary>
/// The action handlers a host offers, by name. <see cref="Names"/> is what <c>DefinitionValidator</c> checks a
/// definition's actions against, so a definition naming an action nobody handles is refused when it is published.
/// </summary>
public sealed class CaseActionRegistry
{
    private const char FamilySeparator = ':';

    private readonly Dictionary<string, ICaseActionHandler> _handlers = new(StringComparer.Ordinal);

    private readonly INoticeHandler? _notices;

    /// <param name="handlers">Every registered handler; two with one name are a wiring mistake.</param>
    /// <param name="knownRoles">The staff roles a family handler (<c>assign:</c>) expands to.</param>
    public CaseActionRegistry(IEnumerable<ICaseActionHandler> handlers, IEnumerable<string> knownRoles)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(knownRoles);
        var roles = knownRoles.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (handler is INoticeHandler notices)
            {
                _notices = _notices is null ? notices : throw new InvalidOperationException("Two notice handlers are registered.");
                continue;
            }

            if (!_handlers.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException($"Two case action handlers are registered as '{handler.Name}'.");
            }

            if (handler.Name.EndsWith(FamilySeparator))
            {
                names.UnionWith(roles.Select(role => handler.Name + role));
            }
            else
            {
                names.Add(handler.Name);
            }
        }

        Names = names;
    }

    public IReadOnlySet<string> Names { get; }

    /// <summary>The handler for <paramref name="action"/> and, for a family, the argument after the colon; an action no
    /// named handler takes goes to the notice handler, which knows whether the case's definition declares it.</summary>
    public bool TryFind(string action, out ICaseActionHandler handler, out string? argument)
    {
        ArgumentNullException.ThrowIfNull(action);
        argument = null;
        handler = null!;
        if (!action.EndsWith(FamilySeparator) && _handlers.TryGetValue(action, out handler!))
        {
            return true;
        }

        var separator = action.IndexOf(FamilySeparator, StringComparison.Ordinal);
        if (separator > 0 && _handlers.TryGetValue(action[..(separator + 1)], out handler!))
        {
            argument = action[(separator + 1)..];
            return argument.Length > 0;
        }

        handler = _notices!;
        return _notices is not null;
    }
}
