namespace WeLink.Server.Conversations.Contracts;

/// <summary>
/// The keyword replies HQ sets for its brand, for the portal: a consumer's text containing a keyword gets the reply (a
/// text, or a card opening a page of the brand's mini program) at once, and still reaches staff.
/// </summary>
public interface IKeywordReplies
{
    /// <summary>The brand's replies by keyword.</summary>
    Task<IReadOnlyList<KeywordReply>> ListAsync(Guid brandId, CancellationToken cancellationToken);

    /// <summary>Adds a reply (<paramref name="id"/> null) or changes one of the brand's; refused with Chinese reasons by field.</summary>
    Task<KeywordReplySave> SaveAsync(Guid brandId, Guid? id, KeywordReplyInput input, CancellationToken cancellationToken);

    /// <summary>False when the brand has no such reply.</summary>
    Task<bool> RemoveAsync(Guid brandId, Guid id, CancellationToken cancellationToken);
}

/// <summary>A keyword and its reply: <see cref="Kind"/> text (<see cref="Text"/>) or page (<see cref="PageTitle"/> opening <see cref="PagePath"/>).</summary>
public sealed record KeywordReply(Guid Id, Guid BrandId, string Keyword, string Kind, string? Text, string? PageTitle, string? PagePath, DateTimeOffset UpdatedAt);

/// <summary>What HQ typed: the fields of the chosen kind count, the others are dropped.</summary>
public sealed record KeywordReplyInput(string? Keyword, string? Kind, string? Text, string? PageTitle, string? PagePath);

public static class KeywordReplyKinds
{
    public const string Text = "text";

    /// <summary>A customer-service card (<c>miniprogrampage</c>) opening a page of the brand's mini program.</summary>
    public const string Page = "page";
}

/// <summary>What became of a save.</summary>
public abstract record KeywordReplySave
{
    private KeywordReplySave()
    {
    }

    public sealed record Saved(KeywordReply Reply) : KeywordReplySave;

    /// <summary>Chinese reasons by field (keyword, kind, text, pageTitle, pagePath).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : KeywordReplySave;

    public sealed record NotFound : KeywordReplySave;
}
