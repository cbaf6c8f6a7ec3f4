using Microsoft.Extensions.Options;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Wechat.Crypto;
using WeLink.Wechat.Options;

namespace WeLink.Server.Callbacks;

/// <summary>
/// The two WXBizMsgCrypt keys WeLink holds (the component's and the suite's) and the receiveids each URL
/// accepts (protocol.md §1.7). Built once from the validated options: the crypts are thread-safe and the
/// receiveid arrays are reused on every request.
/// </summary>
public sealed class CallbackCrypts
{
    private readonly string[] _component;
    private readonly string[] _suiteInstructions;
    private readonly string _providerCorpId;
    private readonly string _suiteId;

    public CallbackCrypts(IOptions<WeChatOptions> wechat, IOptions<WeComOptions> wecom)
    {
        ArgumentNullException.ThrowIfNull(wechat);
        ArgumentNullException.ThrowIfNull(wecom);
        var component = wechat.Value.Component;
        var suite = wecom.Value.Suite;
        Component = new WxBizMsgCrypt(component.Token, component.EncodingAesKey);
        Suite = new WxBizMsgCrypt(suite.Token, suite.EncodingAesKey);
        _component = [component.AppId];
        _suiteId = suite.SuiteId;
        _providerCorpId = wecom.Value.ProviderCorpId;
        // Some instruction pushes (create_auth, for one) have been seen sealed for the provider corpid
        // instead of the suite id; both are ours, so both are accepted.
        _suiteInstructions = [suite.SuiteId, _providerCorpId];
        UrlCheckInstructions = [_providerCorpId, _suiteId];
    }

    public WxBizMsgCrypt Component { get; }

    public WxBizMsgCrypt Suite { get; }

    /// <summary>The WeCom console's GET check of the instruction URL is sealed for the provider corpid.</summary>
    public IReadOnlyCollection<string> UrlCheckInstructions { get; }

    public WxBizMsgCrypt For(CallbackChannel channel) =>
        channel is CallbackChannel.Component or CallbackChannel.Account ? Component : Suite;

    /// <summary>
    /// The receiveids a POST to the channel may carry: both component URLs use the component appid, the
    /// instruction URL the suite id, the data URL the corpid it is for.
    /// </summary>
    public IReadOnlyCollection<string> ReceiveIdsFor(CallbackChannel channel, string? targetId) => channel switch
    {
        CallbackChannel.Component or CallbackChannel.Account => _component,
        CallbackChannel.Suite => _suiteInstructions,
        CallbackChannel.Corp => [targetId ?? throw new ArgumentNullException(nameof(targetId))],
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown callback channel."),
    };

    /// <summary>The console's GET check of a data URL, sealed for the provider corpid (or, as a self-built app would, the corp).</summary>
    public IReadOnlyCollection<string> UrlCheckData(string corpId) => [_providerCorpId, corpId];
}
