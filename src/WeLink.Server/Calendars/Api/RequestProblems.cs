namespace WeLink.Server.Calendars.Api;

/// <summary>Every problem of a request, keyed by the JSON path of the value at fault, as a ValidationProblem lists them.</summary>
internal sealed class RequestProblems
{
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    public bool Any => _problems.Count > 0;

    public bool AnyUnder(string path) => _problems.Keys.Any(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal) || k.StartsWith(path + "[", StringComparison.Ordinal));

    public void Add(string path, string problem)
    {
        if (!_problems.TryGetValue(path, out var list))
        {
            _problems[path] = list = [];
        }

        list.Add(problem);
    }

    public Dictionary<string, string[]> ToDictionary() => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
