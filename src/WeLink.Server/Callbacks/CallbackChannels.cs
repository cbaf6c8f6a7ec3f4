using WeLink.Server.Callbacks.Contracts;

namespace WeLink.Server.Callbacks;

/// <summary>How a <see cref="CallbackChannel"/> is written in <c>inbox.channel</c>, metrics and the admin API.</summary>
public static class CallbackChannels
{
    public static string Name(CallbackChannel channel) => channel switch
    {
        CallbackChannel.Component => "component",
        CallbackChannel.Account => "account",
        CallbackChannel.Suite => "suite",
        CallbackChannel.Corp => "corp",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown callback channel."),
    };

    public static CallbackChannel Parse(string name) => name switch
    {
        "component" => CallbackChannel.Component,
        "account" => CallbackChannel.Account,
        "suite" => CallbackChannel.Suite,
        "corp" => CallbackChannel.Corp,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown callback channel."),
    };
}
