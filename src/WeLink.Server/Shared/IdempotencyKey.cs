using System.Buffers;

namespace WeLink.Server.Shared;

/// <summary>
/// The <c>Idempotency-Key</c> header of a POST that creates or moves something: 1 to 100 characters of letters, digits
/// and <c>-_.:</c>. A handler takes it as a parameter; <see cref="IdempotencyKeyFilter"/> answers 400 before the
/// handler runs when it is missing or malformed. Keys are the caller's, so two callers may pick the same one:
/// <see cref="For"/> namespaces it by actor before anything stores it, so two actors' keys never collide.
/// </summary>
public sealed class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private readonly string _value;

    private IdempotencyKey(string value, string? problem)
    {
        _value = value;
        Problem = problem;
    }

    /// <summary>Why the header cannot serve as a key; null when it can.</summary>
    public string? Problem { get; }

    public static IdempotencyKey Parse(string? header) => header switch
    {
        null or "" => new("", $"Send an {Header} header so that a retry does its work once."),
        { Length: > MaxLength } => new("", $"The {Header} header is at most {MaxLength} characters."),
        _ when header.AsSpan().ContainsAnyExcept(Allowed) => new("", $"The {Header} header holds only letters, digits and - _ . :"),
        _ => new(header, null),
    };

    /// <summary>Minimal API binding: always a key, its <see cref="Problem"/> set when the header is missing or malformed.</summary>
    public static ValueTask<IdempotencyKey?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Request.Headers[Header];
        return ValueTask.FromResult<IdempotencyKey?>(values.Count > 1 ? new("", $"Send one {Header} header.") : Parse(values.ToString()));
    }

    /// <summary>The key as stored: in the namespace of <paramref name="actor"/> (e.g. <c>staff:&lt;id&gt;</c>).</summary>
    public string For(string actor)
    {
        if (Problem is not null)
        {
            throw new InvalidOperationException($"An invalid {Header} reached a handler: {Problem}");
        }

        return $"{actor}:{_value}";
    }
}
