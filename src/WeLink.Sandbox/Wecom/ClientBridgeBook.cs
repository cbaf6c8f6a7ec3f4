namespace WeLink.Sandbox.Wecom;

/// <summary>
/// What each staff member's WeCom client would know from the person holding the phone: the external contact of the chat
/// the app was opened from, the contacts they would pick in the picker, and what the camera would scan next. Set through
/// the control API; kept in memory only (a restart forgets them, as a phone forgets an open chat).
/// </summary>
public sealed class ClientBridgeBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string CorpId, string UserId), ClientChoices> _choices = [];

    public ClientChoices Of(string corpId, string userId)
    {
        lock (_gate)
        {
            return _choices.GetValueOrDefault((corpId, userId)) ?? ClientChoices.None;
        }
    }

    /// <summary>Replaces the choices given (non-null); the others stay.</summary>
    public ClientChoices Choose(string corpId, string userId, string? chatExternalUserId, IReadOnlyList<string>? selected, string? scanResult)
    {
        lock (_gate)
        {
            var current = _choices.GetValueOrDefault((corpId, userId)) ?? ClientChoices.None;
            return _choices[(corpId, userId)] = new ClientChoices(
                chatExternalUserId ?? current.ChatExternalUserId, selected ?? current.SelectedExternalUserIds, scanResult ?? current.NextScanResult);
        }
    }

    /// <summary>The scan result, once: the camera scans one code per press.</summary>
    public string? TakeScanResult(string corpId, string userId)
    {
        lock (_gate)
        {
            if (_choices.GetValueOrDefault((corpId, userId)) is not { NextScanResult: { } result } current)
            {
                return null;
            }

            _choices[(corpId, userId)] = current with { NextScanResult = null };
            return result;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _choices.Clear();
        }
    }
}

/// <summary>One staff member's client: the chat's external contact, the picker's selection, the next scan.</summary>
public sealed record ClientChoices(string? ChatExternalUserId, IReadOnlyList<string> SelectedExternalUserIds, string? NextScanResult)
{
    public static ClientChoices None { get; } = new(null, [], null);
}
