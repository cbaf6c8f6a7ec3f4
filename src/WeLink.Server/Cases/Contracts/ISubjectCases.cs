namespace WeLink.Server.Cases.Contracts;

/// <summary>
/// The cases a person is the subject of, across every dealer of the brand and every process, with the labels people read
/// and each move: the member view's cases and its timeline. Who may see which of them is the caller's to decide.
/// </summary>
public interface ISubjectCases
{
    /// <summary>The brand's cases whose subject is one of <paramref name="subjectIds"/>, newest first; another brand's are never listed.</summary>
    Task<IReadOnlyList<SubjectCase>> ListAsync(Guid brandId, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken);
}

/// <summary>A case with its process's title and its state's label, and its moves oldest first (the first is its start).</summary>
public sealed record SubjectCase(
    Guid Id,
    Guid DealerId,
    string ProcessKey,
    string ProcessLabel,
    string State,
    string StateLabel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<SubjectCaseMove> Moves);

/// <summary>One step of a case: the state it left (null at the start) and the state it entered, with that state's label.</summary>
public sealed record SubjectCaseMove(DateTimeOffset At, string? FromState, string ToState, string ToStateLabel);
