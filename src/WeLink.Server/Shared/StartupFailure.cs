using Microsoft.Extensions.Options;

namespace WeLink.Server.Shared;

/// <summary>Recognises failures caused by configuration and turns them into one readable sentence.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupConfigurationException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures),
        AggregateException e when e.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(" ", e.InnerExceptions.Select(Describe)),
        _ => null,
    };
}
