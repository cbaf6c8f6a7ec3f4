namespace WeLink.Wechat.Tokens;

/// <summary>
/// Durable home of the latest component_verify_ticket per component appid (pushed every 10 minutes,
/// valid 12 h). It must survive restarts and be shared by all nodes: without it no component token.
/// </summary>
public interface IComponentTicketStore
{
    Task<string?> GetAsync(string componentAppid, CancellationToken cancellationToken);

    Task SaveAsync(string componentAppid, string ticket, CancellationToken cancellationToken);
}
