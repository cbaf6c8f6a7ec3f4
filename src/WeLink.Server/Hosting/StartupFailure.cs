using Microsoft.Extensions.Options;

namespace WeLink.Server.Hosting;

/// <summary>Recognises failures caused by configuration and turns them into one readable sentence.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupConfigurationException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures),
        AggregateException { InnerExceptions: [var inner] } => Describe(inner),
        _ => null,
    };
}
